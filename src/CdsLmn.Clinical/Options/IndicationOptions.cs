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

    public IReadOnlyList<string> EffectiveOtherIndicationVerificationStatuses => OtherIndicationVerificationStatuses ?? (IReadOnlyList<string>)["confirmed"];

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

    public IReadOnlyList<string> EffectiveLmnIcd10Codes => LmnIcd10Codes ?? (IReadOnlyList<string>)ClinicalDefaults.LmnIcd10Codes;
    public IReadOnlyList<string> EffectiveAlsIcd10Codes => AlsIcd10Codes ?? (IReadOnlyList<string>)ClinicalDefaults.AlsIcd10Codes;
    public IReadOnlyList<string> EffectiveNeverLmnIcd10Codes => NeverLmnIcd10Codes ?? (IReadOnlyList<string>)ClinicalDefaults.NeverLmnIcd10Codes;
    public IReadOnlyList<string> EffectiveLmnSnomedCodes => LmnSnomedCodes ?? (IReadOnlyList<string>)ClinicalDefaults.LmnSnomedCodes;
    public IReadOnlyList<string> EffectiveAlsSnomedCodes => AlsSnomedCodes ?? (IReadOnlyList<string>)ClinicalDefaults.AlsSnomedCodes;
    public IReadOnlyList<string> EffectiveLmnLocalCodes => LmnLocalCodes ?? [];
    public IReadOnlyList<string> EffectiveOtherIndicationIcd10Codes => OtherIndicationIcd10Codes ?? (IReadOnlyList<string>)ClinicalDefaults.OtherIndicationIcd10Codes;
    public IReadOnlyList<string> EffectiveOtherIndicationSnomedCodes => OtherIndicationSnomedCodes ?? (IReadOnlyList<string>)ClinicalDefaults.OtherIndicationSnomedCodes;
    public IReadOnlyList<string> EffectiveOtherIndicationLocalCodes => OtherIndicationLocalCodes ?? [];
    public IReadOnlyList<string> EffectiveMmnCidpIcd10Codes => MmnCidpIcd10Codes ?? (IReadOnlyList<string>)ClinicalDefaults.MmnCidpIcd10Codes;
    public IReadOnlyList<string> EffectiveMmnCidpSnomedCodes => MmnCidpSnomedCodes ?? [];
    public IReadOnlyList<string> EffectiveMmnCidpLocalCodes => MmnCidpLocalCodes ?? [];

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
        if (EffectiveLmnIcd10Codes.Count == 0 && EffectiveLmnSnomedCodes.Count == 0 && EffectiveLmnLocalCodes.Count == 0
            && !(EvaluateAls && (EffectiveAlsIcd10Codes.Count > 0 || EffectiveAlsSnomedCodes.Count > 0)))
        {
            errors.Add(nameof(LmnIcd10Codes), "must not be empty when no other LMN code list is configured (the advisor would never fire)");
        }
    }
}
