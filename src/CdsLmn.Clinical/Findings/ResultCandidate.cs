namespace CdsLmn.Clinical.Findings;

/// <summary>One dated result that may decide a finding, read into the finding's state and the words the card shows.</summary>
internal sealed record ResultCandidate<TState>(DateTimeOffset Date, TState State, string Test, string Result, IReadOnlyList<string> Ids)
    where TState : struct, Enum
{
    public IReadOnlyList<string> Flags { get; init; } = [];

    public IReadOnlyList<string> Notes { get; init; } = [];

    public FindingDoubt Doubt { get; init; } = FindingDoubt.None;

    /// <summary>On the same calendar day the lower tier wins (coded findings over measurements over report text).</summary>
    public int Tier { get; init; }

    /// <summary>With <see cref="SelectionRule.StrongestWins"/>, the higher strength wins.</summary>
    public int Strength { get; init; }

    /// <summary>Loses a tie of strength (e.g. an antibody drawn soon after IVIg).</summary>
    public bool Weak { get; init; }

    /// <summary>Counts for the whole look-back, not only the freshness window (a documented conduction block).</summary>
    public bool Persists { get; init; }
}
