namespace CdsLmn.Clinical;

/// <summary>Anti-GM1 IgM (docs/fhir-inputs.md §4, docs/clinical-evidence.md §2.5, §4b).</summary>
public sealed class AntiGm1IgMOptions
{
    // docs/fhir-inputs.md §4: freshness window default 3 years (a proposal, not a sourced value).
    public int FreshnessDays { get; set; } = 1095;

    // docs/clinical-evidence.md §2.5 (ARUP index bands): ≤ 29 negative, 30–50 equivocal, 51–100 positive, ≥ 101 strong positive.
    public double EquivocalFrom { get; set; } = 30;

    // docs/clinical-evidence.md §2.5 (ARUP): positive from 51 IV.
    public double PositiveFrom { get; set; } = 51;

    // docs/clinical-evidence.md §2.5 (ARUP): strong positive (HIGH) from 101 IV.
    public double HighFrom { get; set; } = 101;

    // docs/clinical-evidence.md §2.5: titre HIGH if reciprocal ≥ 8000 (Mayo "> 1:8000 favor MMN").
    public double HighTitreReciprocal { get; set; } = 8000;

    // docs/clinical-evidence.md §2.5 / docs/fhir-inputs.md §4: positive-low above the lab's upper reference limit, default 1:1000 (older Mayo normal ≤ 1:1,000).
    public double DefaultTitreUpperReferenceReciprocal { get; set; } = 1000;

    // docs/fhir-inputs.md §4: a sample drawn within 90 days after an IVIg administration is flagged "drawn after IVIg" (docs/clinical-evidence.md §2.5, §5.2).
    public int DrawnAfterIvigDays { get; set; } = 90;

    /// <summary>GM1 IgM result codes as <c>system|code</c> (LOINC 51703-7 plus a lab's local codes).</summary>
    public string[]? Codes { get; set; }

    /// <summary>Codes that are never GM1 IgM (IgG, asialo-GM1), as <c>system|code</c>.</summary>
    public string[]? ExcludedCodes { get; set; }

    public IReadOnlyList<string> EffectiveCodes => Codes ?? (IReadOnlyList<string>)ClinicalDefaults.Gm1IgMCodes;
    public IReadOnlyList<string> EffectiveExcludedCodes => ExcludedCodes ?? (IReadOnlyList<string>)ClinicalDefaults.Gm1ExcludedCodes;

    internal void Validate(OptionsErrors errors)
    {
        errors.Positive(nameof(FreshnessDays), FreshnessDays);
        errors.Positive(nameof(EquivocalFrom), EquivocalFrom);
        errors.Positive(nameof(PositiveFrom), PositiveFrom);
        errors.Positive(nameof(HighFrom), HighFrom);
        if (!(EquivocalFrom <= PositiveFrom && PositiveFrom <= HighFrom))
        {
            errors.Add(nameof(HighFrom), $"must be at least {errors.Key(nameof(PositiveFrom))}, which must be at least {errors.Key(nameof(EquivocalFrom))}");
        }

        errors.Positive(nameof(HighTitreReciprocal), HighTitreReciprocal);
        errors.Positive(nameof(DefaultTitreUpperReferenceReciprocal), DefaultTitreUpperReferenceReciprocal);
        if (DefaultTitreUpperReferenceReciprocal >= HighTitreReciprocal)
        {
            errors.Add(nameof(DefaultTitreUpperReferenceReciprocal), $"must be less than {errors.Key(nameof(HighTitreReciprocal))}");
        }

        errors.Range(nameof(DrawnAfterIvigDays), DrawnAfterIvigDays, 0, 3650);
        errors.TokenList(nameof(Codes), Codes);
        if (Codes is { Length: 0 })
        {
            errors.Add(nameof(Codes), "must not be empty");
        }

        errors.TokenList(nameof(ExcludedCodes), ExcludedCodes);
    }
}
