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

    public string[] EffectiveFindingCodes => FindingCodes ?? ClinicalDefaults.CbFindingCodes;
    public string[] EffectiveSegmentCodes => SegmentCodes ?? ClinicalDefaults.CbSegmentCodes;
    public string[] EffectiveStudyCodes => StudyCodes ?? ClinicalDefaults.NcsStudyCodes;
    public string[] EffectiveEntrapmentSegments => EntrapmentSegments ?? ClinicalDefaults.EntrapmentSegments;
    public string[] EffectiveLongUpperLimbSegments => LongUpperLimbSegments ?? ClinicalDefaults.LongUpperLimbSegments;
    public string[] EffectiveNerves => Nerves ?? ClinicalDefaults.CbNerves;
    public string[] EffectiveSegments => Segments ?? ClinicalDefaults.OtherSegments;

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

    public string[] EffectiveCodes => Codes ?? ClinicalDefaults.Gm1IgMCodes;
    public string[] EffectiveExcludedCodes => ExcludedCodes ?? ClinicalDefaults.Gm1ExcludedCodes;

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

/// <summary>Creatine kinase (docs/fhir-inputs.md §5, docs/clinical-evidence.md §4b).</summary>
public sealed class CreatineKinaseOptions
{
    // docs/fhir-inputs.md §5: freshness window default 180 days (docs/clinical-evidence.md §5.2: "proposed 6 months").
    public int FreshnessDays { get; set; } = 180;

    // docs/clinical-evidence.md §4b: Mayo current adult male CK 39–308 U/L.
    public double MaleUpperLimit { get; set; } = 308;

    // docs/clinical-evidence.md §4b: Mayo current adult female CK 26–192 U/L.
    public double FemaleUpperLimit { get; set; } = 192;

    // docs/clinical-evidence.md §4b (Mayo male 308): with sex unknown (or other) we use the HIGHER limit, so a value that is
    // normal for either sex is never called elevated on a warning card (understating beats overstating the evidence).
    public double UnknownSexUpperLimit { get; set; } = 308;

    // docs/fhir-inputs.md §5, docs/clinical-evidence.md §5.4: a CK above this multiple of the upper limit is unusual for a
    // motor-neuron syndrome and suggests a myopathic mimic; rows 3–4 then become info (DecisionTable:Row3Or4VeryHighCk).
    public double MyopathicMimicMultiple { get; set; } = 10;

    public string[]? Codes { get; set; }

    public string[] EffectiveCodes => Codes ?? ClinicalDefaults.CreatineKinaseCodes;

    internal void Validate(OptionsErrors errors)
    {
        errors.Positive(nameof(FreshnessDays), FreshnessDays);
        errors.Positive(nameof(MaleUpperLimit), MaleUpperLimit);
        errors.Positive(nameof(FemaleUpperLimit), FemaleUpperLimit);
        errors.Positive(nameof(UnknownSexUpperLimit), UnknownSexUpperLimit);
        errors.Range(nameof(MyopathicMimicMultiple), MyopathicMimicMultiple, 1, 1000);
        errors.TokenList(nameof(Codes), Codes);
        if (Codes is { Length: 0 })
        {
            errors.Add(nameof(Codes), "must not be empty");
        }
    }
}

/// <summary>Ongoing IVIg therapy: the continuation row 10 (docs/fhir-inputs.md §6, docs/clinical-evidence.md §5.3).</summary>
public sealed class OngoingIvigOptions
{
    // docs/clinical-evidence.md §5.3 row 10: "a previous administration within a configurable ≤ 90 days".
    public int WindowDays { get; set; } = 90;

    /// <summary>Statuses of an earlier IVIg MedicationRequest that count when dated within <see cref="WindowDays"/>.</summary>
    public string[]? RequestStatuses { get; set; }

    /// <summary>Statuses of a standing IVIg order that count at any age (docs/fhir-inputs.md §6: a maintenance order).</summary>
    public string[]? StandingOrderStatuses { get; set; }

    public string[]? IgnoredAdministrationStatuses { get; set; }

    public string[] EffectiveRequestStatuses => RequestStatuses ?? ClinicalDefaults.OngoingRequestStatuses;
    public string[] EffectiveStandingOrderStatuses => StandingOrderStatuses ?? ClinicalDefaults.StandingOrderStatuses;
    public string[] EffectiveIgnoredAdministrationStatuses => IgnoredAdministrationStatuses ?? ClinicalDefaults.IgnoredAdministrationStatuses;

    internal void Validate(OptionsErrors errors)
    {
        errors.Positive(nameof(WindowDays), WindowDays);
        errors.CodeList(nameof(RequestStatuses), RequestStatuses);
        errors.CodeList(nameof(StandingOrderStatuses), StandingOrderStatuses, allowEmpty: true);
        errors.CodeList(nameof(IgnoredAdministrationStatuses), IgnoredAdministrationStatuses, allowEmpty: true);
    }
}
