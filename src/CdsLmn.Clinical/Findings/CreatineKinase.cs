using System.Collections.Frozen;
using System.Globalization;
using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// Creatine kinase (docs/fhir-inputs.md §5, docs/clinical-evidence.md §4b). ELEVATED when above the result's own
/// referenceRange.high (the range for the patient's sex when the lab gives several) or flagged H/HH; NORMAL when flagged
/// N/L or within the range; without either, the configured sex-specific upper limit decides. The newest result within
/// the freshness window counts; an older one makes UNKNOWN (stale date kept). A CK above
/// <see cref="CreatineKinaseOptions.MyopathicMimicMultiple"/> × the upper limit is flagged <see cref="VeryHighFlag"/>.
/// </summary>
internal sealed class CreatineKinase
{
    // Interpretation codes (v3 ObservationInterpretation), matched whatever their case.
    private static readonly FrozenSet<string> HighFlags = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "H", "HH", "HU");
    private static readonly FrozenSet<string> NormalFlags = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "N", "L", "LL");

    public const string VeryHighFlag = "very high CK: myopathic mimic?";

    private const string TestName = "Creatine kinase";

    private readonly CreatineKinaseOptions _options;
    private readonly IReadOnlyList<CodeToken> _codes;
    private readonly SelectionRule<CreatineKinaseState> _rule;

    public CreatineKinase(CreatineKinaseOptions options)
    {
        _options = options;
        _codes = CodeToken.ParseAll(options.EffectiveCodes);
        _rule = new SelectionRule<CreatineKinaseState>("CK", options.FreshnessDays);
    }

    public Finding<CreatineKinaseState> Assess(ClinicalEvidence evidence, DateTimeOffset now, AdministrativeGender? gender)
    {
        var candidates = new List<ResultCandidate<CreatineKinaseState>>();
        foreach (var observation in evidence.Observations)
        {
            if (ResultStatuses.Of(observation) != ResultStatus.Usable || !CodeMatch.Any(FhirRead.One<CodeableConcept>(observation, "code"), _codes)
                || FhirRead.EffectiveDate(observation) is not { } date || FhirRead.One<Quantity>(observation, "value") is not { } quantity
                || FhirRead.Value(quantity) is null)
            {
                continue;
            }

            var (state, text, veryHigh) = Interpret(observation, quantity, gender);
            candidates.Add(new ResultCandidate<CreatineKinaseState>(date, state, TestName, text, [FhirRead.Reference(observation)])
            {
                Flags = veryHigh ? [VeryHighFlag] : [],
            });
        }

        return ResultSelector.Choose(candidates, [], _rule, (CreatineKinaseState.Unknown, CreatineKinaseState.Unknown), TestName, now);
    }

    private (CreatineKinaseState State, string Text, bool VeryHigh) Interpret(Observation observation, Quantity quantity, AdministrativeGender? gender)
    {
        var raw = (double)FhirRead.Value(quantity)!.Value;
        var unit = FhirRead.Unit(quantity);
        var factor = UnitsPerLitreFactor(unit);
        var range = RangeFor(FhirRead.List<Observation.ReferenceRangeComponent>(observation, "referenceRange"), gender);
        var low = FhirRead.Value(FhirRead.One<Quantity>(range, "low"));
        var high = FhirRead.Value(FhirRead.One<Quantity>(range, "high"));
        var flags = CodeMatch.InterpretationCodes(observation);
        var shown = factor is null
            ? $"{Format(raw)} {unit}".TrimEnd()
            : $"{Format(raw * factor.Value)} U/L";
        var (configuredLimit, who) = gender switch
        {
            AdministrativeGender.Male => (_options.MaleUpperLimit, "men"),
            AdministrativeGender.Female => (_options.FemaleUpperLimit, "women"),
            _ => (_options.UnknownSexUpperLimit, "sex not recorded"),
        };

        // The upper limit the value is judged against, in the value's own unit.
        double? limit = high is { } h ? (double)h : factor is { } f ? configuredLimit / f : null;
        var veryHigh = limit is > 0 && raw > _options.MyopathicMimicMultiple * limit.Value;

        CreatineKinaseState state;
        string basis;
        if (flags.FirstOrDefault(HighFlags.Contains) is { } highFlag)
        {
            state = CreatineKinaseState.Elevated;
            basis = LabRange(low, high, unit, factor) ?? $"lab flag {highFlag}";
        }
        else if (flags.FirstOrDefault(NormalFlags.Contains) is { } normalFlag)
        {
            state = CreatineKinaseState.Normal;
            basis = LabRange(low, high, unit, factor) ?? $"lab flag {normalFlag}";
        }
        else if (high is { } labHigh)
        {
            state = raw > (double)labHigh ? CreatineKinaseState.Elevated : CreatineKinaseState.Normal;
            basis = LabRange(low, high, unit, factor)!;
        }
        else if (factor is { } toUnitsPerLitre)
        {
            state = raw * toUnitsPerLitre > configuredLimit ? CreatineKinaseState.Elevated : CreatineKinaseState.Normal;
            basis = $"default upper limit {Format(configuredLimit)} U/L, {who}";
        }
        else
        {
            return (CreatineKinaseState.Unknown, $"{shown} — unit not recognised, no lab range", false);
        }

        var words = state == CreatineKinaseState.Elevated ? "high" : "normal";
        var times = veryHigh && state == CreatineKinaseState.Elevated ? $", more than {Format(_options.MyopathicMimicMultiple)} × the upper limit" : string.Empty;
        return (state, $"{shown} — {words} ({basis}{times})", veryHigh && state == CreatineKinaseState.Elevated);
    }

    /// <summary>
    /// The lab's range for the patient's sex when it gives sex-specific ranges (<c>referenceRange.appliesTo</c>); else a
    /// range for everyone; with the sex unknown, the most lenient sex-specific range, so no value is overstated.
    /// </summary>
    private static Observation.ReferenceRangeComponent? RangeFor(IReadOnlyList<Observation.ReferenceRangeComponent> ranges, AdministrativeGender? gender)
    {
        if (ranges.Count <= 1)
        {
            return ranges.FirstOrDefault();
        }

        var bySex = ranges.Select(r => (Range: r, Sex: SexOf(r))).ToList();
        var wanted = gender switch
        {
            AdministrativeGender.Male => AdministrativeGender.Male,
            AdministrativeGender.Female => AdministrativeGender.Female,
            _ => (AdministrativeGender?)null,
        };
        return bySex.FirstOrDefault(r => wanted is not null && r.Sex == wanted).Range
            ?? bySex.FirstOrDefault(r => r.Sex is null).Range
            ?? bySex.MaxBy(r => FhirRead.Value(FhirRead.One<Quantity>(r.Range, "high")) ?? decimal.MinValue).Range;
    }

    private static AdministrativeGender? SexOf(Observation.ReferenceRangeComponent range)
    {
        var words = FhirRead.List<CodeableConcept>(range, "appliesTo")
            .SelectMany(c => FhirRead.Codings(c).Select(FhirRead.CodeOf).OfType<string>().Concat(FhirRead.Texts(c)))
            .Select(w => w.Trim().ToLowerInvariant())
            .ToList();
        // SNOMED 248152002 female, 248153007 male; administrative-gender codes; plain words.
        if (words.Any(w => w is "248152002" or "female" or "women" or "f"))
        {
            return AdministrativeGender.Female;
        }

        return words.Any(w => w is "248153007" or "male" or "men" or "m") ? AdministrativeGender.Male : null;
    }

    private static string? LabRange(decimal? low, decimal? high, string? unit, double? factor)
    {
        if (high is null)
        {
            return null;
        }

        var scale = factor ?? 1;
        var lowText = low is null ? "≤ " : $"{Format((double)low.Value * scale)}–";
        return $"lab range {lowText}{Format((double)high.Value * scale)}{(factor is null && unit is not null ? " " + unit : string.Empty)}";
    }

    /// <summary>Multiplier to U/L; null when the unit is unknown. A missing unit is read as U/L (the LOINC 2157-6 unit).</summary>
    private static double? UnitsPerLitreFactor(string? unit) => unit?.Trim() switch
    {
        null or "" => 1,
        "U/L" or "U/l" or "IU/L" or "[IU]/L" or "IU/l" or "units/L" or "U/L (37C)" => 1,
        "ukat/L" or "µkat/L" or "μkat/L" => 60,
        _ => null,
    };

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
