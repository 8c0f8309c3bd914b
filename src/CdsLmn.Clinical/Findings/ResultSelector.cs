namespace CdsLmn.Clinical.Findings;

/// <summary>
/// The one answer to "which result of several counts", shared by conduction block, anti-GM1 IgM and creatine kinase
/// (docs/fhir-inputs.md §3 "Choosing among several studies", §4, §5):
/// <list type="number">
/// <item>a result that persists (a documented conduction block) within the look-back wins, the newest of them;</item>
/// <item>otherwise, among results within the freshness window, the newest (same day: the lower tier) or, where the rule
/// says so, the strongest (ties: not weak, then newest);</item>
/// <item>a pending test newer than every fresh result makes the finding pending, unless the chosen state is settled;</item>
/// <item>with no fresh result the finding is "not tested" and keeps the newest stale date for the card.</item>
/// </list>
/// Fresh results that disagree with the chosen one become notes, so the card can say so.
/// </summary>
internal static class ResultSelector
{
    public static Finding<TState> Choose<TState>(
        IReadOnlyList<ResultCandidate<TState>> candidates,
        IReadOnlyList<PendingTest> pending,
        SelectionRule<TState> rule,
        (TState Pending, TState NotTested) states,
        string test,
        DateTimeOffset now)
        where TState : struct, Enum
    {
        var fresh = candidates.Where(c => ResultStatuses.IsFresh(c.Date, now, rule.FreshnessDays)).ToList();
        var chosen = Persisting(candidates, rule, now) ?? (rule.StrongestWins ? Strongest(fresh) : Newest(fresh));

        if (chosen is not null && !Equals(chosen.State, rule.Settled))
        {
            var newestFresh = fresh.Count == 0 ? chosen.Date : fresh.Max(c => c.Date); // a persisting result may be older than every fresh one
            var newer = pending.Where(p => p.Date > newestFresh).MaxBy(p => p.Date);
            if (newer is not null)
            {
                return PendingFinding(states.Pending, test, newer, pending, chosen, null, rule);
            }
        }

        if (chosen is null)
        {
            var stale = Newest(candidates);
            if (pending.Count > 0)
            {
                return PendingFinding(states.Pending, test, pending.MaxBy(p => p.Date ?? DateTimeOffset.MinValue)!, pending, stale, stale?.Date, rule);
            }

            return stale is null
                ? new Finding<TState>(states.NotTested, test, "none on record", null, [], [])
                : new Finding<TState>(states.NotTested, test,
                    $"none in the last {Window(rule.FreshnessDays)} (last {ResultStatuses.Day(stale.Date)}: {stale.Result})",
                    null, stale.Ids, [StaleFlag(rule, stale.Date)], stale.Date);
        }

        var notes = chosen.Notes.Concat(Disagreements(chosen, candidates, rule, now)).ToList();
        return new Finding<TState>(chosen.State, chosen.Test, chosen.Result, chosen.Date, chosen.Ids, chosen.Flags)
        {
            Notes = notes,
            Doubt = chosen.Doubt,
        };
    }

    private static ResultCandidate<TState>? Persisting<TState>(IReadOnlyList<ResultCandidate<TState>> candidates, SelectionRule<TState> rule, DateTimeOffset now)
        where TState : struct, Enum =>
        rule.LookBackDays <= 0 ? null : Newest(candidates.Where(c => c.Persists && ResultStatuses.IsFresh(c.Date, now, rule.LookBackDays)).ToList());

    private static ResultCandidate<TState>? Newest<TState>(IReadOnlyList<ResultCandidate<TState>> candidates) where TState : struct, Enum =>
        candidates.OrderByDescending(c => c.Date.UtcDateTime.Date).ThenBy(c => c.Tier).ThenByDescending(c => c.Date).FirstOrDefault();

    private static ResultCandidate<TState>? Strongest<TState>(IReadOnlyList<ResultCandidate<TState>> candidates) where TState : struct, Enum =>
        candidates.OrderByDescending(c => c.Strength).ThenBy(c => c.Weak).ThenByDescending(c => c.Date).ThenBy(c => c.Tier).FirstOrDefault();

    /// <summary>Other counted results whose state differs from the chosen one, newest first.</summary>
    private static IEnumerable<string> Disagreements<TState>(ResultCandidate<TState> chosen, IReadOnlyList<ResultCandidate<TState>> candidates,
        SelectionRule<TState> rule, DateTimeOffset now)
        where TState : struct, Enum
    {
        var counted = candidates.Where(c => !ReferenceEquals(c, chosen) && !Equals(c.State, chosen.State)
            && (ResultStatuses.IsFresh(c.Date, now, rule.FreshnessDays) || (chosen.Persists && c.Date > chosen.Date)));
        foreach (var other in counted.OrderByDescending(c => c.Date))
        {
            var why = chosen.Persists ? "conduction block documented once still counts (it is patchy and often missed on repeat studies)"
                : rule.StrongestWins ? "the highest result counts" + (other.Weak ? "; this sample was drawn soon after IVIg" : string.Empty)
                : "the newer result counts";
            yield return $"Another result disagrees: {other.Test} {ResultStatuses.Day(other.Date)}: {other.Result} ({why}).";
        }
    }

    private static Finding<TState> PendingFinding<TState>(TState state, string test, PendingTest newest, IReadOnlyList<PendingTest> pending,
        ResultCandidate<TState>? earlier, DateTimeOffset? staleDate, SelectionRule<TState> rule)
        where TState : struct, Enum
    {
        var notes = earlier is null ? [] : new[] { $"Last {test} result before the pending one: {ResultStatuses.Day(earlier.Date)}: {earlier.Result}." };
        var flags = staleDate is { } stale ? new[] { StaleFlag(rule, stale) } : [];
        return new Finding<TState>(state, test, "ordered, result pending", newest.Date, pending.Select(p => p.Id).ToList(), flags, staleDate)
        {
            Notes = notes,
            Doubt = FindingDoubt.Pending,
        };
    }

    private static string StaleFlag<TState>(SelectionRule<TState> rule, DateTimeOffset date) where TState : struct, Enum =>
        $"stale {rule.StaleLabel} {ResultStatuses.Day(date)}";

    private static string Window(int days) => days % 365 == 0 && days >= 730 ? $"{days / 365} years" : $"{days} days";
}
