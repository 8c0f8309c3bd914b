namespace CdsLmn.Clinical.Findings;

/// <summary>
/// One finding as the card shows it: its state, the row of the results table (test, result, date), the resources it
/// came from and any qualifying flags. <see cref="StaleDate"/> keeps the date of a result too old to count.
/// </summary>
internal sealed record Finding<TState>(
    TState State,
    string Test,
    string Result,
    DateTimeOffset? Date,
    IReadOnlyList<string> EvidenceIds,
    IReadOnlyList<string> Flags,
    DateTimeOffset? StaleDate = null,
    bool Unavailable = false)
    where TState : struct, Enum
{
    /// <summary>Sentences for the card below the results table: results that disagree, nerves not assessable, a stale order.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Why a finding is pending or equivocal, so that the card can word its advice to fit (docs/clinical-evidence.md §5.5).</summary>
    public FindingDoubt Doubt { get; init; } = FindingDoubt.None;
}
