namespace CdsLmn.Clinical;

/// <summary>Why IVIg is given (docs/fhir-inputs.md §2, docs/clinical-evidence.md §4d and §5.1). Lists replace the defaults.</summary>
public sealed class IndicationOptions
{
    public string Icd10System { get; set; } = Fhir.FhirSystems.Icd10Cm;

    // docs/clinical-evidence.md §4d / docs/fhir-inputs.md §2: ALS (G12.21) is MND context, "evaluate, configurable".
    public bool EvaluateAls { get; set; } = true;

    // docs/clinical-evidence.md §5.1: the info card for "LMN and another IVIg indication both coded" is optional, default off.
    public bool AmbiguousIndicationInfoCard { get; set; }

    // docs/fhir-inputs.md §6b: only a confirmed (or unstated) verificationStatus makes a Condition another IVIg indication;
    // MMN or CIDP recorded as differential, provisional or refuted must not silence the card.
    public string[]? OtherIndicationVerificationStatuses { get; set; }

    public string[] EffectiveOtherIndicationVerificationStatuses => OtherIndicationVerificationStatuses ?? ["confirmed"];

    /// <summary>ICD-10-CM codes for LMN/MND context (dot optional; <c>*</c> suffix = prefix match).</summary>
    public string[]? LmnIcd10Codes { get; set; }
    public string[]? AlsIcd10Codes { get; set; }
    public string[]? NeverLmnIcd10Codes { get; set; }
    public string[]? LmnSnomedCodes { get; set; }
    public string[]? AlsSnomedCodes { get; set; }

    /// <summary>Local LMN codes as <c>system|code</c>, e.g. a verified SNOMED "progressive muscular atrophy" (UNVERIFIED in §4d).</summary>
    public string[]? LmnLocalCodes { get; set; }

    public string[]? OtherIndicationIcd10Codes { get; set; }
    public string[]? OtherIndicationSnomedCodes { get; set; }

    /// <summary>Other IVIg indications as <c>system|code</c> (e.g. SNOMED MMN, CIDP, Kawasaki once verified).</summary>
    public string[]? OtherIndicationLocalCodes { get; set; }

    /// <summary>MMN and CIDP codes: when coded, the continuation row (10) gives no card.</summary>
    public string[]? MmnCidpIcd10Codes { get; set; }

    /// <summary>MMN/CIDP SNOMED codes: UNVERIFIED in docs/clinical-evidence.md §4d, so empty until a site configures them.</summary>
    public string[]? MmnCidpSnomedCodes { get; set; }
    public string[]? MmnCidpLocalCodes { get; set; }

    public string[] EffectiveLmnIcd10Codes => LmnIcd10Codes ?? ClinicalDefaults.LmnIcd10Codes;
    public string[] EffectiveAlsIcd10Codes => AlsIcd10Codes ?? ClinicalDefaults.AlsIcd10Codes;
    public string[] EffectiveNeverLmnIcd10Codes => NeverLmnIcd10Codes ?? ClinicalDefaults.NeverLmnIcd10Codes;
    public string[] EffectiveLmnSnomedCodes => LmnSnomedCodes ?? ClinicalDefaults.LmnSnomedCodes;
    public string[] EffectiveAlsSnomedCodes => AlsSnomedCodes ?? ClinicalDefaults.AlsSnomedCodes;
    public string[] EffectiveLmnLocalCodes => LmnLocalCodes ?? [];
    public string[] EffectiveOtherIndicationIcd10Codes => OtherIndicationIcd10Codes ?? ClinicalDefaults.OtherIndicationIcd10Codes;
    public string[] EffectiveOtherIndicationSnomedCodes => OtherIndicationSnomedCodes ?? ClinicalDefaults.OtherIndicationSnomedCodes;
    public string[] EffectiveOtherIndicationLocalCodes => OtherIndicationLocalCodes ?? [];
    public string[] EffectiveMmnCidpIcd10Codes => MmnCidpIcd10Codes ?? ClinicalDefaults.MmnCidpIcd10Codes;
    public string[] EffectiveMmnCidpSnomedCodes => MmnCidpSnomedCodes ?? [];
    public string[] EffectiveMmnCidpLocalCodes => MmnCidpLocalCodes ?? [];

    internal void Validate(OptionsErrors errors)
    {
        errors.Uri(nameof(Icd10System), Icd10System);
        errors.CodeList(nameof(LmnIcd10Codes), LmnIcd10Codes, allowEmpty: true);
        errors.CodeList(nameof(AlsIcd10Codes), AlsIcd10Codes, allowEmpty: true);
        errors.CodeList(nameof(NeverLmnIcd10Codes), NeverLmnIcd10Codes, allowEmpty: true);
        errors.CodeList(nameof(LmnSnomedCodes), LmnSnomedCodes, allowEmpty: true);
        errors.CodeList(nameof(AlsSnomedCodes), AlsSnomedCodes, allowEmpty: true);
        errors.TokenList(nameof(LmnLocalCodes), LmnLocalCodes);
        errors.CodeList(nameof(OtherIndicationIcd10Codes), OtherIndicationIcd10Codes, allowEmpty: true);
        errors.CodeList(nameof(OtherIndicationSnomedCodes), OtherIndicationSnomedCodes, allowEmpty: true);
        errors.TokenList(nameof(OtherIndicationLocalCodes), OtherIndicationLocalCodes);
        errors.CodeList(nameof(MmnCidpIcd10Codes), MmnCidpIcd10Codes, allowEmpty: true);
        errors.CodeList(nameof(MmnCidpSnomedCodes), MmnCidpSnomedCodes, allowEmpty: true);
        errors.TokenList(nameof(MmnCidpLocalCodes), MmnCidpLocalCodes);
        errors.CodeList(nameof(OtherIndicationVerificationStatuses), OtherIndicationVerificationStatuses);
        if (EffectiveLmnIcd10Codes.Length == 0 && EffectiveLmnSnomedCodes.Length == 0 && EffectiveLmnLocalCodes.Length == 0
            && !(EvaluateAls && (EffectiveAlsIcd10Codes.Length > 0 || EffectiveAlsSnomedCodes.Length > 0)))
        {
            errors.Add(nameof(LmnIcd10Codes), "must not be empty when no other LMN code list is configured (the advisor would never fire)");
        }
    }
}
