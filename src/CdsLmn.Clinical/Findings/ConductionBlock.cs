using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// Conduction block from nerve conduction studies (docs/fhir-inputs.md §3; docs/clinical-evidence.md §2.3, §4c, §5.4).
/// Each study is read by the first tier that has data: tier 1 an explicit finding, tier 2 segment measurements, tier 3
/// the report's free-text conclusion. <see cref="ResultSelector"/> then chooses: a block documented within the look-back
/// stays PRESENT whatever came later; otherwise the newest study within the freshness window decides.
/// </summary>
internal sealed class ConductionBlock
{
    private const string TestName = "Nerve conduction";
    private readonly ConductionBlockOptions _options;
    private readonly PendingTests _pendingTests;
    private readonly SegmentSites _sites;
    private readonly SegmentReader _segments;
    private readonly ReportConclusionReader _reportText;
    private readonly IReadOnlyList<CodeToken> _findingCodes;
    private readonly IReadOnlyList<CodeToken> _segmentCodes;
    private readonly IReadOnlyList<CodeToken> _studyCodes;
    private readonly IReadOnlyList<CodeToken> _orderCodes;
    private readonly SelectionRule<ConductionBlockState> _rule;

    public ConductionBlock(ConductionBlockOptions options, PendingTests pendingTests)
    {
        _options = options;
        _pendingTests = pendingTests;
        _sites = new SegmentSites(options);
        _segments = new SegmentReader(_sites);
        _reportText = new ReportConclusionReader(options.ReportText);
        _findingCodes = CodeToken.ParseAll(options.EffectiveFindingCodes);
        _segmentCodes = CodeToken.ParseAll(options.EffectiveSegmentCodes);
        _studyCodes = CodeToken.ParseAll(options.EffectiveStudyCodes);
        _orderCodes = [.. _studyCodes, .. _findingCodes, .. _segmentCodes];
        _rule = new SelectionRule<ConductionBlockState>("NCS", options.FreshnessDays, LookBackDays: options.LookBackDays, Settled: ConductionBlockState.Present);
    }

    public Finding<ConductionBlockState> Assess(ClinicalEvidence evidence, DateTimeOffset now)
    {
        var candidates = new List<ResultCandidate<ConductionBlockState>>();
        var pending = new List<PendingTest>();
        var segments = new List<(Observation Observation, DateTimeOffset Date)>();
        var readByTier12 = new HashSet<string>(StringComparer.Ordinal);

        foreach (var observation in evidence.Observations)
        {
            var code = FhirRead.One<CodeableConcept>(observation, "code");
            var isFinding = CodeMatch.Any(code, _findingCodes);
            var isSegment = CodeMatch.Any(code, _segmentCodes);
            if (!isFinding && !isSegment && !CodeMatch.Any(code, _studyCodes))
            {
                continue;
            }

            if (Usable(observation, FhirRead.EffectiveDate(observation), pending, now) is not { } date)
            {
                continue;
            }

            var id = FhirRead.Reference(observation);
            if (isFinding)
            {
                candidates.Add(ExplicitFinding.Read(observation, date));
                readByTier12.Add(id);
            }
            else if (isSegment)
            {
                segments.Add((observation, date));
                readByTier12.Add(id);
            }
            else
            {
                candidates.Add(FromText(date, id, FhirRead.String(observation, "value")));
            }
        }

        foreach (var day in segments.GroupBy(s => s.Date.UtcDateTime.Date))
        {
            var results = day.Select(s => SegmentBlockRules.Evaluate(_segments.Read(s.Observation), _options, _sites)).ToList();
            candidates.Add(SegmentStudy.Judge(results, _options, day.Max(s => s.Date), day.Select(s => FhirRead.Reference(s.Observation)).ToList()));
        }

        foreach (var report in evidence.DiagnosticReports)
        {
            if (FromReport(report, readByTier12, pending, now) is { } candidate)
            {
                candidates.Add(candidate);
            }
        }

        var (open, stale) = _pendingTests.Orders(evidence.ServiceRequests, _orderCodes, now);
        pending.AddRange(open);
        var finding = ResultSelector.Choose(candidates, pending, _rule, (ConductionBlockState.Pending, ConductionBlockState.NotTested), TestName, now);
        return _pendingTests.NotingStale(finding, stale, "nerve conduction");
    }

    private ResultCandidate<ConductionBlockState>? FromReport(DiagnosticReport report, HashSet<string> readByTier12, List<PendingTest> pending, DateTimeOffset now)
    {
        var coded = FhirRead.List<CodeableConcept>(report, "conclusionCode").Any(c => CodeMatch.Any(c, _findingCodes));
        if (!coded && !CodeMatch.Any(FhirRead.One<CodeableConcept>(report, "code"), _studyCodes))
        {
            return null;
        }

        if (Usable(report, FhirRead.EffectiveDate(report), pending, now) is not { } date)
        {
            return null;
        }

        var id = FhirRead.Reference(report);
        if (coded)
        {
            // A coded conclusion "motor-conduction-block" asserts the finding.
            return new ResultCandidate<ConductionBlockState>(date, ConductionBlockState.Present, $"{TestName} report", "motor conduction block (coded conclusion)", [id])
            {
                Tier = 1,
                Persists = true,
            };
        }

        var results = FhirRead.List<ResourceReference>(report, "result").Select(FhirRead.ReferenceText).OfType<string>();
        if (results.Any(r => readByTier12.Any(read => r.EndsWith(read, StringComparison.Ordinal))))
        {
            return null; // its discrete results speak for it
        }

        return FromText(date, id, FhirRead.String(report, "conclusion"));
    }

    /// <summary>The date of a final result; a pending one is recorded in <paramref name="pending"/> and gives null, as does an undated one.</summary>
    private DateTimeOffset? Usable(Resource resource, DateTimeOffset? date, List<PendingTest> pending, DateTimeOffset now)
    {
        switch (ResultStatuses.Of(resource))
        {
            case ResultStatus.Pending:
                if (ResultStatuses.IsPendingInWindow(date, now, _options.FreshnessDays))
                {
                    pending.Add(new PendingTest(date, FhirRead.Reference(resource)));
                }

                return null;
            case ResultStatus.Ignored:
                return null;
            default:
                return date; // an undated result cannot be judged fresh
        }
    }

    /// <summary>Tier 3: only the report's words (docs/fhir-inputs.md §3 "Tier 3").</summary>
    private ResultCandidate<ConductionBlockState> FromText(DateTimeOffset date, string id, string? conclusion)
    {
        const string test = $"{TestName} report (free text)";
        if (!_options.ReportText.Enabled)
        {
            return new ResultCandidate<ConductionBlockState>(date, ConductionBlockState.Equivocal, test, "study on record; its text is not read here (no coded conduction-block result)", [id])
            {
                Tier = 3,
                Flags = ["no coded CB result"],
                Doubt = FindingDoubt.Unreadable,
            };
        }

        var reading = _reportText.Read(conclusion);
        var quoted = reading.Sentence is null ? string.Empty : $": “{reading.Sentence}”";
        return new ResultCandidate<ConductionBlockState>(date, reading.State, test, $"{reading.Why}{quoted}", [id])
        {
            Tier = 3,
            Flags = ["from report text"],
            Persists = reading.State == ConductionBlockState.Present,
            Doubt = reading.State != ConductionBlockState.Equivocal ? FindingDoubt.None
                : reading.Sentence is null ? FindingDoubt.Unreadable
                : FindingDoubt.Equivocal,
        };
    }
}
