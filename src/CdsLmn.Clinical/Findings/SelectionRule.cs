namespace CdsLmn.Clinical.Findings;

/// <summary>
/// How one finding chooses among several results (docs/fhir-inputs.md §3–§5).
/// </summary>
/// <param name="StaleLabel">How the trace names a result too old to count ("stale NCS 2024-01-03").</param>
/// <param name="FreshnessDays">Results older than this many days do not count; the newest such is kept for the card.</param>
/// <param name="StrongestWins">False: the newest result wins. True: the strongest wins, newest breaking ties.</param>
/// <param name="LookBackDays">A result marked <see cref="ResultCandidate{TState}.Persists"/> counts this long, whatever is newer.</param>
/// <param name="Settled">A state that no pending test can change (a documented conduction block, a high titre).</param>
internal sealed record SelectionRule<TState>(string StaleLabel, int FreshnessDays, bool StrongestWins = false, int LookBackDays = 0, TState? Settled = null)
    where TState : struct, Enum;
