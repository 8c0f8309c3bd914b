using System.Text.RegularExpressions;
using CdsLmn.Clinical;

namespace CdsLmn.Service.Onboarding;

/// <summary>
/// The results the service needs (README "Local codes"): how their text usually reads, the code lists that make
/// the service read them, the configuration key to extend, and the prefetch template that must return them.
/// </summary>
internal sealed record CandidateKind(string LooksLike, Regex Text, ConfiguredCodes Known, string ConfigurationKey, string ObservationTemplate)
{
    public static IReadOnlyList<CandidateKind> From(ClinicalOptions options) =>
    [
        new("creatine kinase",
            new Regex(@"creatine\s*(phospho)?kinase|\bCPK\b|\bCK\b(?![\s-]*MB)", Options),
            new ConfiguredCodes(options.CreatineKinase.EffectiveCodes),
            $"{ClinicalOptions.SectionName}:CreatineKinase:Codes", "creatineKinase"),
        new("anti-GM1 IgM",
            new Regex(@"\bGM[\s-]?1\b|gangliosid", Options),
            new ConfiguredCodes(options.AntiGm1IgM.EffectiveCodes.Concat(options.AntiGm1IgM.EffectiveExcludedCodes)),
            $"{ClinicalOptions.SectionName}:AntiGm1IgM:Codes", "antiGm1IgM"),
        new("nerve conduction / EMG study",
            new Regex(@"nerve\s+conduction|\bNCS\b|\bNCV\b|\bE[N]?MG\b|electromyogra|electroneurogra", Options),
            new ConfiguredCodes(options.ConductionBlock.EffectiveStudyCodes
                .Concat(options.ConductionBlock.EffectiveFindingCodes).Concat(options.ConductionBlock.EffectiveSegmentCodes)),
            $"{ClinicalOptions.SectionName}:ConductionBlock:StudyCodes", "ncsObservations"),
    ];

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
}
