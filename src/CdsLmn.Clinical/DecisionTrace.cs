namespace CdsLmn.Clinical;

/// <summary>
/// Why the advice was given: the decision-table row and the state of each finding, with the ids
/// (<c>Type/id</c>) of the resources each state came from. Shown to integrators as a card extension.
/// </summary>
public sealed record DecisionTrace
{
    public required int Row { get; init; }
    public required string ConductionBlock { get; init; }
    public required string AntiGm1IgM { get; init; }
    public required string CreatineKinase { get; init; }
    public required bool OngoingIvig { get; init; }
    public required IReadOnlyList<string> Evidence { get; init; }
    /// <summary>Notes that qualify the states, e.g. "amplitude-based", "drawn after IVIg", "stale NCS 2024-01-03".</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}
