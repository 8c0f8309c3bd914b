using System.Collections.Frozen;
using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical;

/// <summary>Indication context (docs/fhir-inputs.md §2, docs/clinical-evidence.md §4d and §5.1).</summary>
internal sealed class Indication
{
    private static readonly FrozenSet<string> ActiveClinicalStatuses = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "active", "recurrence", "relapse");
    private static readonly FrozenSet<string> ExcludedVerificationStatuses = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "refuted", "entered-in-error");

    private readonly IndicationOptions _options;
    private readonly IReadOnlyList<CodeToken> _lmnLocal;
    private readonly IReadOnlyList<CodeToken> _otherLocal;
    private readonly IReadOnlyList<CodeToken> _mmnCidpLocal;

    public Indication(IndicationOptions options)
    {
        _options = options;
        _lmnLocal = CodeToken.ParseAll(options.EffectiveLmnLocalCodes);
        _otherLocal = CodeToken.ParseAll(options.EffectiveOtherIndicationLocalCodes);
        _mmnCidpLocal = CodeToken.ParseAll(options.EffectiveMmnCidpLocalCodes);
    }

    /// <summary>Step 1 (the order's reasons), else step 2 (active Conditions), of docs/clinical-evidence.md §5.1.</summary>
    public IndicationResult Assess(MedicationRequest order, IReadOnlyList<Condition> conditions, bool conditionsUnavailable)
    {
        var reasons = new List<CodedReason>();
        reasons.AddRange(FhirRead.List<CodeableConcept>(order, "reasonCode").Select(c => new CodedReason(c, null, Confirmed: true)));
        foreach (var reference in FhirRead.List<ResourceReference>(order, "reasonReference"))
        {
            var condition = ResolveCondition(order, reference, conditions);
            if (condition is not null && FhirRead.One<CodeableConcept>(condition, "code") is { } code)
            {
                reasons.Add(new CodedReason(code, FhirRead.Reference(condition), IsConfirmed(condition)));
            }
        }

        if (reasons.Count > 0)
        {
            return Classify(reasons, fromOrder: true);
        }

        // An unresolvable reasonReference tells us nothing: fall back to the patient's active Conditions.
        if (conditionsUnavailable)
        {
            return new IndicationResult(IndicationKind.Unknown, false, null, null, false, []);
        }

        var active = conditions.Where(IsActive)
            .Select(c => FhirRead.One<CodeableConcept>(c, "code") is { } code ? new CodedReason(code, FhirRead.Reference(c), IsConfirmed(c)) : null)
            .OfType<CodedReason>()
            .ToList();
        return Classify(active, fromOrder: false);
    }

    /// <summary>True when MMN or CIDP is coded, and confirmed, on the order or as an active Condition (row 10 then gives no card).</summary>
    public bool MmnOrCidpCoded(MedicationRequest order, IReadOnlyList<Condition> conditions)
    {
        var concepts = FhirRead.List<CodeableConcept>(order, "reasonCode")
            .Concat(conditions.Where(c => IsActive(c) && IsConfirmed(c)).Select(c => FhirRead.One<CodeableConcept>(c, "code")).OfType<CodeableConcept>());
        return concepts.Any(IsMmnOrCidp);
    }

    /// <summary>docs/fhir-inputs.md §6b: a confirmed or unstated verificationStatus; differential, provisional or refuted is not.</summary>
    private bool IsConfirmed(Condition condition)
    {
        var verification = FhirRead.Codings(FhirRead.One<CodeableConcept>(condition, "verificationStatus")).Select(FhirRead.CodeOf).OfType<string>().ToList();
        return verification.Count == 0
            || verification.Any(v => _options.EffectiveOtherIndicationVerificationStatuses.Contains(v, StringComparer.OrdinalIgnoreCase));
    }

    internal static bool IsActive(Condition condition)
    {
        var clinical = FhirRead.Codings(FhirRead.One<CodeableConcept>(condition, "clinicalStatus")).Select(FhirRead.CodeOf).OfType<string>().ToList();
        if (clinical.Count > 0 && !clinical.Any(c => ActiveClinicalStatuses.Contains(c)))
        {
            return false;
        }

        var verification = FhirRead.Codings(FhirRead.One<CodeableConcept>(condition, "verificationStatus")).Select(FhirRead.CodeOf).OfType<string>();
        return !verification.Any(v => ExcludedVerificationStatuses.Contains(v));
    }

    private IndicationResult Classify(IReadOnlyList<CodedReason> concepts, bool fromOrder)
    {
        var ids = concepts.Select(c => c.Id).OfType<string>().Distinct().ToList();
        var other = concepts.FirstOrDefault(c => c.Confirmed && IsOther(c.Concept));
        var lmn = concepts.Select(c => (c.Concept, Coding: LmnCoding(c.Concept))).FirstOrDefault(c => c.Coding is not null);

        if (other is not null)
        {
            var (display, code) = Describe(other.Concept, null);
            return new IndicationResult(IndicationKind.OtherIndication, lmn.Coding is not null, display, code, fromOrder, ids);
        }

        if (lmn.Coding is not null)
        {
            var (display, code) = Describe(lmn.Concept, lmn.Coding);
            var als = concepts.Any(c => IsAls(c.Concept));
            return new IndicationResult(IndicationKind.Lmn, true, display, code, fromOrder, ids) { IsAls = als };
        }

        return new IndicationResult(IndicationKind.Neither, false, null, null, fromOrder, ids);
    }

    private static (string? Display, string? Code) Describe(CodeableConcept concept, Coding? coding)
    {
        coding ??= FhirRead.Codings(concept).FirstOrDefault();
        var display = (coding is null ? null : FhirRead.String(coding, "display")) ?? FhirRead.Text(concept);
        return (display, coding is null ? null : FhirRead.CodeOf(coding));
    }

    private Coding? LmnCoding(CodeableConcept concept)
    {
        foreach (var coding in FhirRead.Codings(concept))
        {
            var one = new[] { coding };
            if (CodeMatch.Any(one, _options.Icd10System, _options.EffectiveNeverLmnIcd10Codes))
            {
                continue;
            }

            var als = _options.EvaluateAls
                && (CodeMatch.Any(one, _options.Icd10System, _options.EffectiveAlsIcd10Codes)
                    || CodeMatch.Any(one, FhirSystems.Snomed, _options.EffectiveAlsSnomedCodes));
            if (als
                || CodeMatch.Any(one, _options.Icd10System, _options.EffectiveLmnIcd10Codes)
                || CodeMatch.Any(one, FhirSystems.Snomed, _options.EffectiveLmnSnomedCodes)
                || CodeMatch.Any(one, _lmnLocal))
            {
                return coding;
            }
        }

        return null;
    }

    private bool IsAls(CodeableConcept concept)
    {
        var codings = FhirRead.Codings(concept);
        return CodeMatch.Any(codings, _options.Icd10System, _options.EffectiveAlsIcd10Codes)
            || CodeMatch.Any(codings, FhirSystems.Snomed, _options.EffectiveAlsSnomedCodes);
    }

    private bool IsOther(CodeableConcept concept)
    {
        var codings = FhirRead.Codings(concept);
        return CodeMatch.Any(codings, _options.Icd10System, _options.EffectiveOtherIndicationIcd10Codes)
            || CodeMatch.Any(codings, FhirSystems.Snomed, _options.EffectiveOtherIndicationSnomedCodes)
            || CodeMatch.Any(codings, _otherLocal)
            || IsMmnOrCidp(concept);
    }

    private bool IsMmnOrCidp(CodeableConcept concept)
    {
        var codings = FhirRead.Codings(concept);
        return CodeMatch.Any(codings, _options.Icd10System, _options.EffectiveMmnCidpIcd10Codes)
            || CodeMatch.Any(codings, FhirSystems.Snomed, _options.EffectiveMmnCidpSnomedCodes)
            || CodeMatch.Any(codings, _mmnCidpLocal);
    }

    private static Condition? ResolveCondition(MedicationRequest order, ResourceReference reference, IReadOnlyList<Condition> conditions)
    {
        var text = FhirRead.ReferenceText(reference);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.StartsWith('#'))
        {
            return FhirRead.List<Resource>(order, "contained").OfType<Condition>().FirstOrDefault(c => c.Id == text[1..]);
        }

        var segments = text.Split('?')[0].TrimEnd('/').Split('/');
        var id = segments.Length >= 2 && segments[^2] == "Condition" ? segments[^1] : segments.Length == 1 ? segments[0] : null;
        return id is null ? null : conditions.FirstOrDefault(c => c.Id == id);
    }
}
