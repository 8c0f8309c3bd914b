using System.Globalization;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// One study's segments, judged together (docs/fhir-inputs.md §3 "Which segments count"): PRESENT when any counted
/// segment shows definite or probable block; EQUIVOCAL when a counted segment's drop cannot be told from dispersion;
/// ABSENT only when enough long upper-limb segments were assessed (proximal stimulation done); otherwise EQUIVOCAL,
/// "too few nerves assessable". Segments that do not count are ignored for the decision and listed for the card.
/// </summary>
internal static class SegmentStudy
{
    public const string Test = "Nerve conduction, segment measurements";

    public static ResultCandidate<ConductionBlockState> Judge(IReadOnlyList<SegmentResult> segments, ConductionBlockOptions options, DateTimeOffset date, IReadOnlyList<string> ids)
    {
        var counted = segments.Where(s => s.Counted).ToList();
        var flags = new List<string>();
        if (segments.Any(s => s.Verdict == SegmentVerdict.Entrapment && s.BlockPercent >= options.ProbableLongSegmentAreaDropPercent))
        {
            flags.Add("entrapment-site drop not counted");
        }

        var notes = new List<string> { Coverage(counted, segments) };
        var blocks = counted.Where(s => s.Verdict is SegmentVerdict.Definite or SegmentVerdict.Probable)
            .OrderBy(s => s.Verdict).ThenByDescending(s => s.BlockPercent).ToList();
        if (blocks.Count > 0)
        {
            var top = blocks[0];
            if (top.AmplitudeBased)
            {
                flags.Add("amplitude-based");
            }

            var measure = top.AmplitudeBased ? "amplitude-based" : "area";
            var more = blocks.Count > 1 ? $" (+{blocks.Count - 1} more segment{Plural(blocks.Count - 1)})" : string.Empty;
            var present = Candidate(ConductionBlockState.Present, $"{top.Note} conduction block, {Pretty(top.Segment)}: {measure} drop {Percent(top.BlockPercent)} %{more} (EFNS/PNS 2010)");
            return present with { Persists = true };
        }

        if (counted.Any(s => s.AmplitudeBased))
        {
            flags.Add("amplitude-based");
        }

        var unsettled = counted.FirstOrDefault(s => s.Verdict == SegmentVerdict.Indeterminate);
        if (unsettled is not null)
        {
            return Candidate(ConductionBlockState.Equivocal, $"conduction block not settled: {Pretty(unsettled.Segment)}, {unsettled.Note}") with { Doubt = FindingDoubt.Equivocal };
        }

        var longSegments = counted.Count(s => options.EffectiveLongUpperLimbSegments.Contains(s.Segment, StringComparer.OrdinalIgnoreCase));
        if (longSegments < options.MinimumLongUpperLimbSegments)
        {
            var why = counted.Count == 0 ? "no segment assessable" : $"{longSegments} long upper-limb segment{Plural(longSegments)} assessed, {options.MinimumLongUpperLimbSegments} needed";
            return Candidate(ConductionBlockState.Equivocal, $"too few nerves assessable for conduction block ({why})") with { Doubt = FindingDoubt.TooFewAssessable };
        }

        var nerves = counted.Select(s => s.Nerve).Distinct(StringComparer.Ordinal).Count();
        return Candidate(ConductionBlockState.Absent,
            $"no motor conduction block in {counted.Count} segment{Plural(counted.Count)} on {nerves} nerve{Plural(nerves)} (EFNS/PNS 2010)");

        ResultCandidate<ConductionBlockState> Candidate(ConductionBlockState state, string result) =>
            new(date, state, Test, result, ids) { Flags = flags, Notes = notes, Tier = 2 };
    }

    /// <summary>"Assessed: 3 segments on 2 nerves (median, ulnar). Not assessable: ulnar forearm (distal CMAP 0.8 mV …)."</summary>
    private static string Coverage(IReadOnlyList<SegmentResult> counted, IReadOnlyList<SegmentResult> all)
    {
        var nerves = counted.Select(s => s.Nerve).Distinct(StringComparer.Ordinal).ToList();
        var assessed = counted.Count == 0
            ? "No segment of this study was assessable."
            : $"Assessed: {counted.Count} segment{Plural(counted.Count)} on {nerves.Count} nerve{Plural(nerves.Count)} ({string.Join(", ", nerves)}).";
        var skipped = all.Where(s => !s.Counted).Select(s => $"{Pretty(s.Segment)} ({s.Note})").ToList();
        return skipped.Count == 0 ? assessed : $"{assessed} Not assessable or not counted: {string.Join("; ", skipped)}.";
    }

    internal static string Pretty(string segment) => segment.Replace('-', ' ');

    private static string Percent(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "?";

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
