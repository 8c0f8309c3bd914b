namespace CdsLmn.Service.Stewardship;

/// <summary>
/// Cards of one service, mode and decision row, and what became of them. A card's outcome is its latest
/// feedback, so <c>Accepted + Overridden + WithoutFeedback == Shown</c>.
/// </summary>
internal sealed record StewardshipRow
{
    public required string ServiceId { get; init; }

    /// <summary><c>Active</c> (shown to the clinician) or <c>Shadow</c> (recorded only).</summary>
    public required string Mode { get; init; }

    public required int DecisionRow { get; init; }

    public required string Indicator { get; init; }

    public required int Shown { get; init; }

    public required int Accepted { get; init; }

    public required int Overridden { get; init; }

    public required int WithoutFeedback { get; init; }

    /// <summary>Reasons given on overridden cards (latest feedback); <c>(none given)</c> counts overrides without a coded reason.</summary>
    public required IReadOnlyList<LabelCount> OverrideReasons { get; init; }

    /// <summary>Suggestions accepted, by label: the number of cards on which each was accepted.</summary>
    public required IReadOnlyList<LabelCount> AcceptedSuggestions { get; init; }
}
