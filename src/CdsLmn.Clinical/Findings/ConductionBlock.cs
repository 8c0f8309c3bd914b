using System.Globalization;
using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// Conduction block from nerve conduction studies (docs/fhir-inputs.md §3; docs/clinical-evidence.md §2.3, §4c, §5.4).
/// Tier 1 explicit finding, tier 2 computed from segment measurements, tier 3 a study with nothing usable (EQUIVOCAL).
/// The newest usable study wins (same day: the lower tier); older than the freshness window means NOT_TESTED (the
/// stale date is kept for the card); a newer pending study or order means PENDING.
/// </summary>
internal sealed class ConductionBlock
{
    private const string TestName = "Nerve conduction";
    private const string Nm = CdsLmnCodes.NeuromuscularSystem;
    private readonly ConductionBlockOptions _options;
    private readonly string[] _pendingStatuses;
    private readonly IReadOnlyList<CodeToken> _findingCodes;
    private readonly IReadOnlyList<CodeToken> _segmentCodes;
    private readonly IReadOnlyList<CodeToken> _studyCodes;

    public ConductionBlock(ConductionBlockOptions options, string[] pendingStatuses)
    {
        _options = options;
        _pendingStatuses = pendingStatuses;
        _findingCodes = CodeToken.ParseAll(options.EffectiveFindingCodes);
        _segmentCodes = CodeToken.ParseAll(options.EffectiveSegmentCodes);
        _studyCodes = CodeToken.ParseAll(options.EffectiveStudyCodes);
    }

    private sealed record Candidate(DateTimeOffset Date, int Tier, ConductionBlockState State, string Test, string Result, IReadOnlyList<string> Ids, IReadOnlyList<string> Flags);

    public Finding<ConductionBlockState> Assess(ClinicalEvidence evidence, DateTimeOffset now)
    {
        var candidates = new List<Candidate>();
        var pending = new List<(DateTimeOffset? Date, string Id)>();
        var segments = new List<(Observation Observation, DateTimeOffset Date)>();
        var usedByTier12 = new HashSet<string>(StringComparer.Ordinal);

        foreach (var observation in evidence.Observations)
        {
            var code = FhirRead.One<CodeableConcept>(observation, "code");
            var isFinding = CodeMatch.Any(code, _findingCodes);
            var isSegment = CodeMatch.Any(code, _segmentCodes);
            var isStudy = CodeMatch.Any(code, _studyCodes);
            if (!isFinding && !isSegment && !isStudy)
            {
                continue;
            }

            var date = FhirRead.EffectiveDate(observation);
            switch (ResultStatuses.Of(observation))
            {
                case ResultStatus.Pending:
                    pending.Add((date, FhirRead.Reference(observation)));
                    continue;
                case ResultStatus.Ignored:
                    continue;
            }

            if (date is null)
            {
                continue; // an undated result cannot be judged fresh
            }

            if (isFinding)
            {
                candidates.Add(FromFinding(observation, date.Value));
                usedByTier12.Add(FhirRead.Reference(observation));
            }
            else if (isSegment)
            {
                segments.Add((observation, date.Value));
                usedByTier12.Add(FhirRead.Reference(observation));
            }
            else
            {
                candidates.Add(StudyOnly(date.Value, FhirRead.Reference(observation), FhirRead.String(observation, "value")));
            }
        }

        foreach (var day in segments.GroupBy(s => s.Date.UtcDateTime.Date))
        {
            candidates.Add(FromSegments(day.Select(s => s.Observation).ToList(), day.Max(s => s.Date)));
        }

        foreach (var report in evidence.DiagnosticReports)
        {
            var code = FhirRead.One<CodeableConcept>(report, "code");
            var conclusionCodes = FhirRead.List<CodeableConcept>(report, "conclusionCode");
            var coded = conclusionCodes.Any(c => CodeMatch.Any(c, _findingCodes));
            if (!coded && !CodeMatch.Any(code, _studyCodes))
            {
                continue;
            }

            var date = FhirRead.EffectiveDate(report);
            var id = FhirRead.Reference(report);
            switch (ResultStatuses.Of(report))
            {
                case ResultStatus.Pending:
                    pending.Add((date, id));
                    continue;
                case ResultStatus.Ignored:
                    continue;
            }

            if (date is null)
            {
                continue;
            }

            if (coded)
            {
                // A coded conclusion "motor-conduction-block" asserts the finding.
                candidates.Add(new Candidate(date.Value, 1, ConductionBlockState.Present, $"{TestName} report", "motor conduction block (coded conclusion)", [id], []));
                continue;
            }

            var results = FhirRead.List<ResourceReference>(report, "result").Select(FhirRead.ReferenceText).OfType<string>();
            if (results.Any(r => usedByTier12.Any(u => r.EndsWith(u, StringComparison.Ordinal))))
            {
                continue; // its discrete results speak for it
            }

            candidates.Add(StudyOnly(date.Value, id, FhirRead.String(report, "conclusion")));
        }

        var pendingCodes = _studyCodes.Concat(_findingCodes).Concat(_segmentCodes).ToList();
        foreach (var request in ResultStatuses.PendingOrders(evidence.ServiceRequests, pendingCodes, _pendingStatuses, now, _options.FreshnessDays))
        {
            pending.Add((ResultStatuses.OrderDate(request), FhirRead.Reference(request)));
        }

        var best = candidates.OrderByDescending(c => c.Date).ThenBy(c => c.Tier).FirstOrDefault();
        var fresh = best is not null && ResultStatuses.IsFresh(best.Date, now, _options.FreshnessDays);
        var newerPending = pending.Where(p => p.Date is null ? !fresh : !fresh || p.Date > best!.Date)
            .Where(p => p.Date is null || ResultStatuses.IsFresh(p.Date.Value, now, _options.FreshnessDays))
            .OrderByDescending(p => p.Date ?? DateTimeOffset.MinValue)
            .ToList();

        DateTimeOffset? staleDate = best is not null && !fresh ? best.Date : null;
        var staleFlags = staleDate is { } s ? new[] { $"stale NCS {ResultStatuses.Day(s)}" } : [];
        if (newerPending.Count > 0)
        {
            return new Finding<ConductionBlockState>(ConductionBlockState.Pending, TestName, "ordered, result pending",
                newerPending[0].Date, newerPending.Select(p => p.Id).ToList(), staleFlags, staleDate);
        }

        if (best is null)
        {
            return new Finding<ConductionBlockState>(ConductionBlockState.NotTested, TestName, "none on record", null, [], []);
        }

        if (!fresh)
        {
            return new Finding<ConductionBlockState>(ConductionBlockState.NotTested, TestName,
                $"none in the last {_options.FreshnessDays} days (last study {ResultStatuses.Day(best.Date)}: {best.Result})",
                null, best.Ids, staleFlags, best.Date);
        }

        return new Finding<ConductionBlockState>(best.State, best.Test, best.Result, best.Date, best.Ids, best.Flags);
    }

    private Candidate FromFinding(Observation observation, DateTimeOffset date)
    {
        var id = FhirRead.Reference(observation);
        var flags = new List<string>();
        var components = FhirRead.List<Observation.ComponentComponent>(observation, "component");
        var grade = LocalCode(ComponentConcept(components, "cb-grade"));
        var protocol = LocalCode(ComponentConcept(components, "cb-protocol"));
        var place = Nerve(observation, components);

        ConductionBlockState? state = FhirRead.One<DataType>(observation, "value") switch
        {
            CodeableConcept concept => SnomedQualifier.Read(concept) switch
            {
                QualifierValue.Positive => ConductionBlockState.Present,
                QualifierValue.Negative => ConductionBlockState.Absent,
                QualifierValue.Equivocal => ConductionBlockState.Equivocal,
                _ => null,
            },
            FhirBoolean b when FhirRead.Boolean(b) is { } value => value ? ConductionBlockState.Present : ConductionBlockState.Absent,
            _ => null,
        };
        if (state is null)
        {
            var interpretation = CodeMatch.InterpretationCodes(observation);
            state = interpretation.Contains("POS") ? ConductionBlockState.Present
                : interpretation.Contains("NEG") ? ConductionBlockState.Absent
                : interpretation.Contains("IND") ? ConductionBlockState.Equivocal
                : null;
        }

        var test = protocol switch
        {
            "extended" => $"{TestName}, extended protocol",
            "screening" => $"{TestName}, screening protocol",
            _ => $"{TestName} study",
        };

        if (state is null)
        {
            return new Candidate(date, 1, ConductionBlockState.Equivocal, test, "conduction block recorded without a result", [id], []);
        }

        // docs/clinical-evidence.md §5.4: a negative screening study (no proximal stimulation) can miss CB: EQUIVOCAL, not ABSENT.
        if (state == ConductionBlockState.Absent && protocol == "screening")
        {
            flags.Add("screening protocol");
            return new Candidate(date, 1, ConductionBlockState.Equivocal, test, "no conduction block seen, but no proximal stimulation (screening study)", [id], flags);
        }

        var where = place is null ? string.Empty : $", {place}";
        var result = state switch
        {
            ConductionBlockState.Present => $"{(grade is null ? string.Empty : grade + " ")}motor conduction block{where}",
            ConductionBlockState.Absent => "no motor conduction block",
            _ => $"conduction block equivocal{where}",
        };
        return new Candidate(date, 1, state.Value, test, result, [id], flags);
    }

    private Candidate FromSegments(IReadOnlyList<Observation> observations, DateTimeOffset date)
    {
        var ids = observations.Select(FhirRead.Reference).ToList();
        var results = observations.Select(o => SegmentBlockRules.Evaluate(Measurements(o), _options)).ToList();
        var flags = new List<string>();
        var test = $"{TestName}, segment measurements";

        var blocks = results.Where(r => r.Verdict is SegmentVerdict.Definite or SegmentVerdict.Probable)
            .OrderBy(r => r.Verdict).ThenByDescending(r => r.BlockPercent).ToList();
        if (results.Any(r => r.Verdict == SegmentVerdict.Entrapment && r.BlockPercent >= _options.ProbableLongSegmentAreaDropPercent))
        {
            flags.Add("entrapment-site drop not counted");
        }

        if (blocks.Count > 0)
        {
            var top = blocks[0];
            if (top.AmplitudeBased)
            {
                flags.Add("amplitude-based");
            }

            var measure = top.AmplitudeBased ? "amplitude-based" : "area";
            var more = blocks.Count > 1 ? $" (+{blocks.Count - 1} more segment{(blocks.Count > 2 ? "s" : string.Empty)})" : string.Empty;
            return new Candidate(date, 2, ConductionBlockState.Present, test,
                $"{top.Note} conduction block, {Pretty(top.Segment)}: {measure} drop {Number(top.BlockPercent)} %{more} (EFNS/PNS 2010)", ids, flags);
        }

        var counted = results.Where(r => r.Verdict != SegmentVerdict.Entrapment).ToList();
        var unclear = counted.FirstOrDefault(r => r.Verdict is SegmentVerdict.NotEvaluable or SegmentVerdict.Indeterminate);
        if (counted.Count == 0 || unclear is not null)
        {
            var why = unclear is null ? "only entrapment-site segments measured" : $"{Pretty(unclear.Segment)}: {unclear.Note}";
            return new Candidate(date, 2, ConductionBlockState.Equivocal, test, $"conduction block not assessable ({why})", ids, flags);
        }

        if (counted.Any(r => r.AmplitudeBased))
        {
            flags.Add("amplitude-based");
        }

        return new Candidate(date, 2, ConductionBlockState.Absent, test,
            $"no motor conduction block in {counted.Count} segment{(counted.Count > 1 ? "s" : string.Empty)} (EFNS/PNS 2010)", ids, flags);
    }

    private static Candidate StudyOnly(DateTimeOffset date, string id, string? conclusion)
    {
        var shown = string.IsNullOrWhiteSpace(conclusion) ? string.Empty : $"; report says: “{Shorten(conclusion)}”";
        return new Candidate(date, 3, ConductionBlockState.Equivocal, $"{TestName} study", $"study on record, no coded conduction-block result{shown}", [id], ["no coded CB result"]);
    }

    private static SegmentMeasurements Measurements(Observation observation)
    {
        var components = FhirRead.List<Observation.ComponentComponent>(observation, "component");
        var segment = LocalCode(ComponentConcept(components, "segment"))
            ?? FhirRead.Text(ComponentConcept(components, "segment"))
            ?? FhirRead.Text(FhirRead.One<CodeableConcept>(observation, "bodySite"))
            ?? "unnamed segment";
        return new SegmentMeasurements(
            segment,
            Millivolts(ComponentQuantity(components, "distal-cmap-amplitude")),
            Millivolts(ComponentQuantity(components, "proximal-cmap-amplitude")),
            Number(ComponentQuantity(components, "distal-cmap-area")),
            Number(ComponentQuantity(components, "proximal-cmap-area")),
            Number(ComponentQuantity(components, "distal-cmap-duration")),
            Number(ComponentQuantity(components, "proximal-cmap-duration")),
            Millivolts(ComponentQuantity(components, "distal-amplitude-lln")));
    }

    private static Observation.ComponentComponent? Component(IReadOnlyList<Observation.ComponentComponent> components, string code) =>
        components.FirstOrDefault(c => CodeMatch.Any(FhirRead.Codings(FhirRead.One<CodeableConcept>(c, "code")), Nm, [code]));

    private static CodeableConcept? ComponentConcept(IReadOnlyList<Observation.ComponentComponent> components, string code) =>
        FhirRead.One<CodeableConcept>(Component(components, code), "value");

    private static Quantity? ComponentQuantity(IReadOnlyList<Observation.ComponentComponent> components, string code) =>
        FhirRead.One<Quantity>(Component(components, code), "value");

    private static string? LocalCode(CodeableConcept? concept) =>
        FhirRead.Codings(concept).Where(c => string.Equals(FhirRead.System(c), Nm, StringComparison.OrdinalIgnoreCase))
            .Select(FhirRead.CodeOf).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));

    private static string? Nerve(Observation observation, IReadOnlyList<Observation.ComponentComponent> components)
    {
        var segment = ComponentConcept(components, "segment");
        if (LocalCode(segment) is { } code)
        {
            return Pretty(code);
        }

        return FhirRead.Text(segment) ?? FhirRead.Texts(FhirRead.One<CodeableConcept>(observation, "bodySite")).FirstOrDefault();
    }

    private static double? Number(Quantity? quantity) => FhirRead.Value(quantity) is { } value ? (double)value : null;

    private static double? Millivolts(Quantity? quantity)
    {
        var value = Number(quantity);
        var unit = FhirRead.Unit(quantity);
        return value is not null && unit is "uV" or "µV" or "μV" ? value / 1000 : value;
    }

    internal static string Pretty(string segment) => segment.Replace('-', ' ');

    private static string Number(double? value) => value?.ToString("0.#", CultureInfo.InvariantCulture) ?? "?";

    private static string Shorten(string text)
    {
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return flat.Length <= 160 ? flat : flat[..157] + "…";
    }
}
