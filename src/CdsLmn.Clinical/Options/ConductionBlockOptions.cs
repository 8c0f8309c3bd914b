namespace CdsLmn.Clinical;

/// <summary>Conduction block on nerve conduction studies (docs/fhir-inputs.md §3, docs/clinical-evidence.md §2.3, §4c, §5.4).</summary>
public sealed class ConductionBlockOptions
{
    // docs/clinical-evidence.md §5.2: "freshness window (proposed default 12 months; configurable)" — a proposal, not a sourced value.
    public int FreshnessDays { get; set; } = 365;

    // docs/fhir-inputs.md §3 "Choosing among several studies", docs/clinical-evidence.md §5.2: a documented block stays PRESENT
    // for a 5-year look-back, whatever newer studies show (CB is patchy and often proximal). A proposal, not a sourced value.
    public int LookBackDays { get; set; } = 1825;

    // docs/fhir-inputs.md §3 "Which segments count": ABSENT needs at least this many assessed long upper-limb segments
    // (proximal stimulation done); fewer makes EQUIVOCAL, "too few nerves assessable".
    public int MinimumLongUpperLimbSegments { get; set; } = 1;

    /// <summary>Reading the report's free-text conclusion (tier 3, docs/fhir-inputs.md §3).</summary>
    public ReportTextOptions ReportText { get; set; } = new();

    // docs/clinical-evidence.md §2.3: definite CB needs a negative-peak CMAP area drop ≥ 50 % (any segment length).
    public double DefiniteAreaDropPercent { get; set; } = 50;

    // docs/clinical-evidence.md §2.3: probable CB = area drop ≥ 30 % over a long upper-limb segment (duration increase ≤ 30 %).
    public double ProbableLongSegmentAreaDropPercent { get; set; } = 30;

    // docs/clinical-evidence.md §2.3: definite CB needs the CMAP duration to increase by ≤ 30 %; more is temporal dispersion (probable at ≥ 50 % drop).
    public double MaxDurationIncreasePercent { get; set; } = 30;

    // docs/clinical-evidence.md §2.3: the distal CMAP amplitude must be > 1 mV before any CB is called.
    public double DistalAmplitudeFloorMv { get; set; } = 1.0;

    // docs/clinical-evidence.md §2.3: … and > 20 % of the lower limit of normal.
    public double DistalAmplitudeMinPercentOfLln { get; set; } = 20;

    public string[]? FindingCodes { get; set; }
    public string[]? SegmentCodes { get; set; }
    public string[]? StudyCodes { get; set; }
    public string[]? EntrapmentSegments { get; set; }
    public string[]? LongUpperLimbSegments { get; set; }

    /// <summary>Nerves on which EFNS/PNS 2010 define conduction block; segments on other nerves (tibial) never count.</summary>
    public string[]? Nerves { get; set; }

    /// <summary>Further recognised segment sites, besides the entrapment and long upper-limb lists.</summary>
    public string[]? Segments { get; set; }

    public IReadOnlyList<string> EffectiveFindingCodes => FindingCodes ?? (IReadOnlyList<string>)ClinicalDefaults.CbFindingCodes;
    public IReadOnlyList<string> EffectiveSegmentCodes => SegmentCodes ?? (IReadOnlyList<string>)ClinicalDefaults.CbSegmentCodes;
    public IReadOnlyList<string> EffectiveStudyCodes => StudyCodes ?? (IReadOnlyList<string>)ClinicalDefaults.NcsStudyCodes;
    public IReadOnlyList<string> EffectiveEntrapmentSegments => EntrapmentSegments ?? (IReadOnlyList<string>)ClinicalDefaults.EntrapmentSegments;
    public IReadOnlyList<string> EffectiveLongUpperLimbSegments => LongUpperLimbSegments ?? (IReadOnlyList<string>)ClinicalDefaults.LongUpperLimbSegments;
    public IReadOnlyList<string> EffectiveNerves => Nerves ?? (IReadOnlyList<string>)ClinicalDefaults.CbNerves;
    public IReadOnlyList<string> EffectiveSegments => Segments ?? (IReadOnlyList<string>)ClinicalDefaults.OtherSegments;

    internal void Validate(OptionsErrors errors)
    {
        errors.Positive(nameof(FreshnessDays), FreshnessDays);
        errors.Positive(nameof(LookBackDays), LookBackDays);
        errors.Range(nameof(MinimumLongUpperLimbSegments), MinimumLongUpperLimbSegments, 1, 20);
        errors.Range(nameof(DefiniteAreaDropPercent), DefiniteAreaDropPercent, 1, 100);
        errors.Range(nameof(ProbableLongSegmentAreaDropPercent), ProbableLongSegmentAreaDropPercent, 1, 100);
        if (ProbableLongSegmentAreaDropPercent > DefiniteAreaDropPercent)
        {
            errors.Add(nameof(ProbableLongSegmentAreaDropPercent), $"must not exceed {errors.Key(nameof(DefiniteAreaDropPercent))}");
        }

        errors.Range(nameof(MaxDurationIncreasePercent), MaxDurationIncreasePercent, 0, 1000);
        errors.Positive(nameof(DistalAmplitudeFloorMv), DistalAmplitudeFloorMv);
        errors.Range(nameof(DistalAmplitudeMinPercentOfLln), DistalAmplitudeMinPercentOfLln, 0, 100);
        errors.TokenList(nameof(FindingCodes), FindingCodes);
        errors.TokenList(nameof(SegmentCodes), SegmentCodes);
        errors.TokenList(nameof(StudyCodes), StudyCodes);
        errors.CodeList(nameof(EntrapmentSegments), EntrapmentSegments, allowEmpty: true);
        errors.CodeList(nameof(LongUpperLimbSegments), LongUpperLimbSegments, allowEmpty: true);
        errors.CodeList(nameof(Nerves), Nerves);
        errors.CodeList(nameof(Segments), Segments, allowEmpty: true);
        ReportText.Validate(errors.Sub(nameof(ReportText)));
    }
}
