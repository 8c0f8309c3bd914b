namespace CdsLmn.Clinical;

/// <summary>What counts as an IVIg order (docs/fhir-inputs.md §1, docs/clinical-evidence.md §4a). Lists replace the defaults.</summary>
public sealed class IvigOrderOptions
{
    // docs/clinical-evidence.md §4: the HCPCS system URI is UNVERIFIED, so it is configurable.
    public string HcpcsSystem { get; set; } = "https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets";

    public string[]? RxNormCodes { get; set; }
    public string[]? AtcCodes { get; set; }
    public string[]? ExcludedAtcCodes { get; set; }
    public string[]? NdcProductCodes { get; set; }
    public string[]? ExcludedNdcProductCodes { get; set; }
    public string[]? HcpcsCodes { get; set; }
    public string[]? ExcludedHcpcsCodes { get; set; }

    /// <summary>Extra IVIg codes in any system, as <c>system|code</c> (e.g. a local formulary code or a verified SNOMED product).</summary>
    public string[]? LocalCodes { get; set; }

    /// <summary>Codes in any system that mean "not IVIg" (SC-only or hyperimmune products), as <c>system|code</c>.</summary>
    public string[]? ExcludedLocalCodes { get; set; }

    public string[]? IvBrandNames { get; set; }
    public string[]? DualRouteBrandNames { get; set; }
    public string[]? ScOnlyBrandNames { get; set; }
    public string[]? GenericNames { get; set; }
    public string[]? HyperimmuneTerms { get; set; }
    public string[]? NonIvRouteTerms { get; set; }

    /// <summary>Route codes meaning intravenous, as <c>system|code</c>.</summary>
    public string[]? IntravenousRoutes { get; set; }

    /// <summary>Route codes meaning subcutaneous or intramuscular, as <c>system|code</c>.</summary>
    public string[]? NonIntravenousRoutes { get; set; }

    public IReadOnlyList<string> EffectiveRxNormCodes => RxNormCodes ?? (IReadOnlyList<string>)ClinicalDefaults.RxNormCodes;
    public IReadOnlyList<string> EffectiveAtcCodes => AtcCodes ?? (IReadOnlyList<string>)ClinicalDefaults.AtcCodes;
    public IReadOnlyList<string> EffectiveExcludedAtcCodes => ExcludedAtcCodes ?? (IReadOnlyList<string>)ClinicalDefaults.ExcludedAtcCodes;
    public IReadOnlyList<string> EffectiveNdcProductCodes => NdcProductCodes ?? (IReadOnlyList<string>)ClinicalDefaults.NdcProductCodes;
    public IReadOnlyList<string> EffectiveExcludedNdcProductCodes => ExcludedNdcProductCodes ?? (IReadOnlyList<string>)ClinicalDefaults.ExcludedNdcProductCodes;
    public IReadOnlyList<string> EffectiveHcpcsCodes => HcpcsCodes ?? (IReadOnlyList<string>)ClinicalDefaults.HcpcsCodes;
    public IReadOnlyList<string> EffectiveExcludedHcpcsCodes => ExcludedHcpcsCodes ?? (IReadOnlyList<string>)ClinicalDefaults.ExcludedHcpcsCodes;
    public IReadOnlyList<string> EffectiveLocalCodes => LocalCodes ?? [];
    public IReadOnlyList<string> EffectiveExcludedLocalCodes => ExcludedLocalCodes ?? (IReadOnlyList<string>)ClinicalDefaults.ExcludedLocalCodes;
    public IReadOnlyList<string> EffectiveIvBrandNames => IvBrandNames ?? (IReadOnlyList<string>)ClinicalDefaults.IvBrandNames;
    public IReadOnlyList<string> EffectiveDualRouteBrandNames => DualRouteBrandNames ?? (IReadOnlyList<string>)ClinicalDefaults.DualRouteBrandNames;
    public IReadOnlyList<string> EffectiveScOnlyBrandNames => ScOnlyBrandNames ?? (IReadOnlyList<string>)ClinicalDefaults.ScOnlyBrandNames;
    public IReadOnlyList<string> EffectiveGenericNames => GenericNames ?? (IReadOnlyList<string>)ClinicalDefaults.GenericNames;
    public IReadOnlyList<string> EffectiveHyperimmuneTerms => HyperimmuneTerms ?? (IReadOnlyList<string>)ClinicalDefaults.HyperimmuneTerms;
    public IReadOnlyList<string> EffectiveNonIvRouteTerms => NonIvRouteTerms ?? (IReadOnlyList<string>)ClinicalDefaults.NonIvRouteTerms;
    public IReadOnlyList<string> EffectiveIntravenousRoutes => IntravenousRoutes ?? (IReadOnlyList<string>)ClinicalDefaults.IntravenousRoutes;
    public IReadOnlyList<string> EffectiveNonIntravenousRoutes => NonIntravenousRoutes ?? (IReadOnlyList<string>)ClinicalDefaults.NonIntravenousRoutes;

    internal void Validate(OptionsErrors errors)
    {
        errors.Uri(nameof(HcpcsSystem), HcpcsSystem);
        errors.CodeList(nameof(RxNormCodes), RxNormCodes, allowEmpty: true);
        errors.CodeList(nameof(AtcCodes), AtcCodes, allowEmpty: true);
        errors.CodeList(nameof(ExcludedAtcCodes), ExcludedAtcCodes, allowEmpty: true);
        errors.CodeList(nameof(NdcProductCodes), NdcProductCodes, allowEmpty: true);
        errors.CodeList(nameof(ExcludedNdcProductCodes), ExcludedNdcProductCodes, allowEmpty: true);
        errors.CodeList(nameof(HcpcsCodes), HcpcsCodes, allowEmpty: true);
        errors.CodeList(nameof(ExcludedHcpcsCodes), ExcludedHcpcsCodes, allowEmpty: true);
        errors.TokenList(nameof(LocalCodes), LocalCodes);
        errors.TokenList(nameof(ExcludedLocalCodes), ExcludedLocalCodes);
        errors.CodeList(nameof(IvBrandNames), IvBrandNames, allowEmpty: true);
        errors.CodeList(nameof(DualRouteBrandNames), DualRouteBrandNames, allowEmpty: true);
        errors.CodeList(nameof(ScOnlyBrandNames), ScOnlyBrandNames, allowEmpty: true);
        errors.CodeList(nameof(GenericNames), GenericNames, allowEmpty: true);
        errors.CodeList(nameof(HyperimmuneTerms), HyperimmuneTerms, allowEmpty: true);
        errors.CodeList(nameof(NonIvRouteTerms), NonIvRouteTerms, allowEmpty: true);
        errors.TokenList(nameof(IntravenousRoutes), IntravenousRoutes);
        errors.TokenList(nameof(NonIntravenousRoutes), NonIntravenousRoutes);
        foreach (var (name, list) in new[] { (nameof(NdcProductCodes), NdcProductCodes), (nameof(ExcludedNdcProductCodes), ExcludedNdcProductCodes) })
        {
            for (var i = 0; i < (list?.Length ?? 0); i++)
            {
                if (!string.IsNullOrWhiteSpace(list![i]) && Ndc.Parse(list[i]) is null)
                {
                    errors.Add($"{name}:{i}", "must be an NDC product code like 44206-439 or 0069-6550");
                }
            }
        }
    }
}
