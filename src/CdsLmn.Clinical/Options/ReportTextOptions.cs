using System.Collections.Immutable;
namespace CdsLmn.Clinical;

/// <summary>
/// Tier 3 of conduction block: reading a nerve conduction report's free-text conclusion (docs/fhir-inputs.md §3,
/// docs/clinical-evidence.md §4c). Lists are nullable so a site's list REPLACES the default; read them through the
/// <c>Effective…</c> members. Every phrase matches whole words, case-insensitively, with any whitespace (line
/// breaks included) or a hyphen between its words.
/// </summary>
public sealed class ReportTextOptions
{
    // docs/fhir-inputs.md §3: "negation-aware (on by default; a site can switch it off, and then such a study is EQUIVOCAL)".
    public bool Enabled { get; set; } = true;

    // docs/fhir-inputs.md §3: "The card ... quotes the sentence it rests on (≤ 200 characters)".
    public int MaxQuoteLength { get; set; } = 200;

    // How many words before or after a mention a negation cue may stand. NegEx uses 5; 8 reaches over
    // "no evidence of a definite or probable motor conduction block". Our choice, not a sourced value.
    public int CueWindowWords { get; set; } = 8;

    /// <summary>Phrases that name conduction block. A mention that is neither negated nor hedged asserts it.</summary>
    public string[]? AssertionPhrases { get; set; }

    /// <summary>Cues before a mention that negate it ("no", "without", "absence of").</summary>
    public string[]? NegationCues { get; set; }

    /// <summary>Cues after a mention that negate it ("was not seen", "is absent").</summary>
    public string[]? PostNegationCues { get; set; }

    /// <summary>Cues anywhere in the clause of a mention that make it equivocal; they override assertion and negation.</summary>
    public string[]? HedgeCues { get; set; }

    /// <summary>Cues anywhere in the report that make a negative report equivocal (the study could miss a block).</summary>
    public string[]? LimitationCues { get; set; }

    /// <summary>Cues that restrict a negation to some nerves or sites, so it does not contradict a block asserted elsewhere.</summary>
    public string[]? SiteCues { get; set; }

    /// <summary>Cues next to an asserted block that place it at an entrapment site, where it never counts.</summary>
    public string[]? EntrapmentCues { get; set; }

    /// <summary>Cues before a mention that make it the question asked, not a finding ("to exclude", "evaluate for").</summary>
    public string[]? QueryCues { get; set; }

    /// <summary>Cues after a negated mention that carve out an asserted exception ("no conduction block except in ...").</summary>
    public string[]? ExceptionCues { get; set; }

    /// <summary>Words that end the scope of a negation ("but", "however").</summary>
    public string[]? ScopeTerminators { get; set; }

    public IReadOnlyList<string> EffectiveAssertionPhrases => AssertionPhrases ?? (IReadOnlyList<string>)DefaultAssertionPhrases;
    public IReadOnlyList<string> EffectiveNegationCues => NegationCues ?? (IReadOnlyList<string>)DefaultNegationCues;
    public IReadOnlyList<string> EffectivePostNegationCues => PostNegationCues ?? (IReadOnlyList<string>)DefaultPostNegationCues;
    public IReadOnlyList<string> EffectiveHedgeCues => HedgeCues ?? (IReadOnlyList<string>)DefaultHedgeCues;
    public IReadOnlyList<string> EffectiveLimitationCues => LimitationCues ?? (IReadOnlyList<string>)DefaultLimitationCues;
    public IReadOnlyList<string> EffectiveSiteCues => SiteCues ?? (IReadOnlyList<string>)DefaultSiteCues;
    public IReadOnlyList<string> EffectiveEntrapmentCues => EntrapmentCues ?? (IReadOnlyList<string>)DefaultEntrapmentCues;
    public IReadOnlyList<string> EffectiveQueryCues => QueryCues ?? (IReadOnlyList<string>)DefaultQueryCues;
    public IReadOnlyList<string> EffectiveExceptionCues => ExceptionCues ?? (IReadOnlyList<string>)DefaultExceptionCues;
    public IReadOnlyList<string> EffectiveScopeTerminators => ScopeTerminators ?? (IReadOnlyList<string>)DefaultScopeTerminators;

    // docs/fhir-inputs.md §3: "partial motor conduction block", "CB in the left ulnar nerve"; docs/clinical-evidence.md §4c
    // ("partial motor conduction block left ulnar forearm"). "partial block" is how labs shorten "partial conduction block".
    public static readonly ImmutableArray<string> DefaultAssertionPhrases =
    [
        "conduction block", "conduction blocks", "conduction blocking", "block of conduction", "blocks of conduction",
        "CB", "CBs", "partial block", "partial blocks", "partial motor block",
    ];

    // docs/fhir-inputs.md §3: "no conduction block", "no evidence of (motor) conduction block", "without conduction block".
    // "no definite or probable" negates both grades of docs/clinical-evidence.md §2.3 (and outranks the hedge "no definite").
    public static readonly ImmutableArray<string> DefaultNegationCues =
    [
        "no", "not", "without", "absence of", "absent", "negative for", "free of", "lack of", "neither", "nor", "none",
        "no definite or probable", "neither definite nor probable",
    ];

    // docs/fhir-inputs.md §3: "conduction block was not seen/found/demonstrated". ": no" covers "Conduction block: no".
    public static readonly ImmutableArray<string> DefaultPostNegationCues =
    [
        "not seen", "not found", "not demonstrated", "not identified", "not detected", "not observed", "not present",
        "not shown", "not evident", "not noted", "not appreciated", "not elicited", "absent", "excluded", "ruled out",
        "was negative", ": no", ": none", ": negative", ": absent",
    ];

    // docs/fhir-inputs.md §3: "not excluded", "cannot be excluded", "possible", "borderline", "could not be assessed".
    // "no definite" leaves a probable block open (docs/clinical-evidence.md §2.3 grades definite and probable).
    public static readonly ImmutableArray<string> DefaultHedgeCues =
    [
        "not excluded", "cannot be excluded", "can not be excluded", "could not be excluded", "not be excluded",
        "cannot exclude", "can not exclude", "could not exclude", "unable to exclude", "can't exclude", "can't be excluded",
        "not ruled out", "not be ruled out", "cannot be ruled out", "can't be ruled out", "cannot rule out", "could not rule out", "possible", "possibly", "borderline", "questionable", "equivocal",
        "uncertain", "unclear", "indeterminate", "inconclusive", "suspected", "suspicious", "suggestive of", "may", "might",
        "could", "?", "pseudo", "no definite", "not definite", "no convincing", "no unequivocal", "could not be assessed",
        "cannot be assessed", "not assessable", "not assessed", "not be evaluated", "not evaluated", "not confirmed",
        "cannot be confirmed", "could not be confirmed",
    ];

    // docs/fhir-inputs.md §3: "proximal stimulation not performed", and docs/clinical-evidence.md §5.4: a screening study
    // without proximal stimulation can miss a block, so its negative is EQUIVOCAL.
    public static readonly ImmutableArray<string> DefaultLimitationCues =
    [
        "proximal stimulation not performed", "proximal stimulation was not performed", "proximal stimulation not done",
        "proximal stimulation was not done", "proximal stimulation not possible", "proximal stimulation was not possible",
        "no proximal stimulation", "without proximal stimulation", "proximal stimulation could not",
        "proximal segments not studied", "proximal segments were not studied", "study incomplete", "incomplete study",
        "study was incomplete", "study was limited", "limited study", "technically limited", "poorly tolerated",
        "could not be completed", "could not be assessed", "screening study",
    ];

    // docs/fhir-inputs.md §3 (our reading of a site-specific negation; see ReportConclusionReader): the nerves and
    // segments of §3 tier 2, sides and limbs, and words that point elsewhere.
    public static readonly ImmutableArray<string> DefaultSiteCues =
    [
        "other", "otherwise", "elsewhere", "remaining", "rest of", "further", "additional", "median", "ulnar", "radial",
        "peroneal", "fibular", "tibial", "musculocutaneous", "axillary", "left", "right", "forearm", "upper arm",
        "upper limb", "upper limbs", "lower limb", "lower limbs", "arm", "arms", "leg", "legs",
    ];

    // docs/fhir-inputs.md §3 / docs/clinical-evidence.md §5.4: blocks at the median wrist, ulnar elbow or wrist and peroneal
    // fibular head never count.
    public static readonly ImmutableArray<string> DefaultEntrapmentCues =
    [
        "across the elbow", "at the elbow", "around the elbow", "across the wrist", "at the wrist", "fibular head",
        "fibular neck", "peroneal head", "cubital tunnel", "carpal tunnel", "Guyon",
    ];

    // docs/fhir-inputs.md §3 reads the study's findings; a referral question ("to exclude MMN with conduction block") is
    // none. The list is our choice.
    public static readonly ImmutableArray<string> DefaultQueryCues =
    [
        "to exclude", "to rule out", "rule out", "r/o", "evaluate for", "evaluation for", "assess for", "look for",
        "looking for", "search for", "question of", "clinical question", "query", "referred", "indication", "reason for",
    ];

    // docs/fhir-inputs.md §3 (assertion vs negation): "no conduction block except in ..." asserts the exception. Our choice.
    public static readonly ImmutableArray<string> DefaultExceptionCues = ["except", "apart from", "aside from", "other than", "with the exception of", "save for"];

    // docs/fhir-inputs.md §3 ("negation-aware"): NegEx-style scope terminators (Chapman et al. 2001); the list is our choice.
    public static readonly ImmutableArray<string> DefaultScopeTerminators = ["but", "however", "although", "though", "whereas", "yet", "nevertheless", "instead"];

    internal void Validate(OptionsErrors errors)
    {
        errors.Range(nameof(MaxQuoteLength), MaxQuoteLength, 20, 1000);
        errors.Range(nameof(CueWindowWords), CueWindowWords, 1, 30);
        errors.CodeList(nameof(AssertionPhrases), AssertionPhrases);
        errors.CodeList(nameof(NegationCues), NegationCues, allowEmpty: true);
        errors.CodeList(nameof(PostNegationCues), PostNegationCues, allowEmpty: true);
        errors.CodeList(nameof(HedgeCues), HedgeCues, allowEmpty: true);
        errors.CodeList(nameof(LimitationCues), LimitationCues, allowEmpty: true);
        errors.CodeList(nameof(SiteCues), SiteCues, allowEmpty: true);
        errors.CodeList(nameof(EntrapmentCues), EntrapmentCues, allowEmpty: true);
        errors.CodeList(nameof(QueryCues), QueryCues, allowEmpty: true);
        errors.CodeList(nameof(ExceptionCues), ExceptionCues, allowEmpty: true);
        errors.CodeList(nameof(ScopeTerminators), ScopeTerminators, allowEmpty: true);
    }
}
