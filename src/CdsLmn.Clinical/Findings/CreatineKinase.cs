using System.Globalization;
using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// Creatine kinase (docs/fhir-inputs.md §5, docs/clinical-evidence.md §4b). ELEVATED when above the result's own
/// referenceRange.high or flagged H/HH; NORMAL when flagged N/L or within the range; without either, the configured
/// sex-specific upper limit decides. A result older than the freshness window is UNKNOWN (stale date kept).
/// </summary>
internal sealed class CreatineKinase
{
    private const string TestName = "Creatine kinase";

    private readonly CreatineKinaseOptions _options;
    private readonly IReadOnlyList<CodeToken> _codes;

    public CreatineKinase(CreatineKinaseOptions options)
    {
        _options = options;
        _codes = CodeToken.ParseAll(options.EffectiveCodes);
    }

    public Finding<CreatineKinaseState> Assess(ClinicalEvidence evidence, DateTimeOffset now, AdministrativeGender? gender)
    {
        var results = evidence.Observations
            .Where(o => ResultStatuses.Of(o) == ResultStatus.Usable && CodeMatch.Any(FhirRead.One<CodeableConcept>(o, "code"), _codes))
            .Select(o => (Observation: o, Date: FhirRead.EffectiveDate(o)))
            .Where(x => x.Date is not null && FhirRead.Value(FhirRead.One<Quantity>(x.Observation, "value")) is not null)
            .OrderByDescending(x => x.Date)
            .ToList();

        if (results.Count == 0)
        {
            return new Finding<CreatineKinaseState>(CreatineKinaseState.Unknown, TestName, "none on record", null, [], []);
        }

        var (observation, date) = results[0];
        var id = FhirRead.Reference(observation);
        var (state, text) = Interpret(observation, gender);
        if (!ResultStatuses.IsFresh(date!.Value, now, _options.FreshnessDays))
        {
            return new Finding<CreatineKinaseState>(CreatineKinaseState.Unknown, TestName,
                $"none in the last {_options.FreshnessDays} days (last {ResultStatuses.Day(date)}: {text})", null, [id],
                [$"stale CK {ResultStatuses.Day(date)}"], date);
        }

        return new Finding<CreatineKinaseState>(state, TestName, text, date, [id], []);
    }

    private (CreatineKinaseState State, string Text) Interpret(Observation observation, AdministrativeGender? gender)
    {
        var quantity = FhirRead.One<Quantity>(observation, "value")!;
        var raw = (double)FhirRead.Value(quantity)!.Value;
        var unit = FhirRead.Unit(quantity);
        var factor = UnitsPerLitreFactor(unit);
        var range = FhirRead.List<Observation.ReferenceRangeComponent>(observation, "referenceRange").FirstOrDefault();
        var low = FhirRead.Value(FhirRead.One<Quantity>(range, "low"));
        var high = FhirRead.Value(FhirRead.One<Quantity>(range, "high"));
        var flags = CodeMatch.InterpretationCodes(observation);
        var shown = factor is null
            ? $"{Format(raw)} {unit}".TrimEnd()
            : $"{Format(raw * factor.Value)} U/L";

        CreatineKinaseState state;
        string basis;
        if (flags.Overlaps(["H", "HH", "HU"]))
        {
            state = CreatineKinaseState.Elevated;
            basis = LabRange(low, high, unit, factor) ?? $"lab flag {flags.First(f => f is "H" or "HH" or "HU")}";
        }
        else if (flags.Overlaps(["N", "L", "LL"]))
        {
            state = CreatineKinaseState.Normal;
            basis = LabRange(low, high, unit, factor) ?? $"lab flag {flags.First(f => f is "N" or "L" or "LL")}";
        }
        else if (high is { } h)
        {
            state = raw > (double)h ? CreatineKinaseState.Elevated : CreatineKinaseState.Normal;
            basis = LabRange(low, high, unit, factor)!;
        }
        else if (factor is { } f)
        {
            var (limit, who) = gender switch
            {
                AdministrativeGender.Male => (_options.MaleUpperLimit, "men"),
                AdministrativeGender.Female => (_options.FemaleUpperLimit, "women"),
                _ => (_options.UnknownSexUpperLimit, "sex not recorded"),
            };
            state = raw * f > limit ? CreatineKinaseState.Elevated : CreatineKinaseState.Normal;
            basis = $"default upper limit {Format(limit)} U/L, {who}";
        }
        else
        {
            return (CreatineKinaseState.Unknown, $"{shown} — unit not recognised, no lab range");
        }

        var words = state == CreatineKinaseState.Elevated ? "high" : "normal";
        return (state, $"{shown} — {words} ({basis})");
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
