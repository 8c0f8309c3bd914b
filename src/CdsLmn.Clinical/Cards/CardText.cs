using System.Collections.Immutable;
using CdsLmn.Clinical.Findings;

namespace CdsLmn.Clinical.Cards;

/// <summary>
/// Card wording (docs/card-example.md, docs/clinical-evidence.md §5.3 and §5.5): a summary under 140 characters, then the
/// patient's own results with dates, notes on how they were read, the reason, the evidence with a link for every source
/// cited, and what to do instead.
/// </summary>
public static class CardText
{
    public const int MaxSummaryLength = 140;

    public const string SourceLabel = "CdsLmn · IVIg stewardship in LMN syndromes";
    public const string TopicCode = "ivig-lmn";
    public const string TopicDisplay = "IVIg in LMN syndromes";

    public static Uri JournalWatch => EvidenceSource.JournalWatch.Url;
    public static Uri Simon2013 => EvidenceSource.Simon2013.Url;
    public static Uri EfnsPns2010 => EvidenceSource.EfnsPns2010.Url;
    public static Uri VanDenBergVos2000 => EvidenceSource.VanDenBergVos2000.Url;

    /// <summary>Override reasons of docs/clinical-evidence.md §5.3, with stable codes in <see cref="CdsLmnCodes.OverrideReasonSystem"/>.</summary>
    public static ImmutableArray<OverrideOption> OverrideReasons { get; } =
    [
        new("specialist-trial", "Specialist-directed time-limited trial with objective end-points"),
        new("documented-elsewhere", "Conduction block or anti-GM1 documented outside this EHR"),
        new("other-indication", "IVIg is for another indication"),
        new("established-benefit", "Already established on IVIg with documented benefit"),
    ];

    /// <summary>Guards the summary length (CDS Hooks: &lt; 140 characters). Throws so a bad template fails in tests, not in front of a clinician.</summary>
    public static string Summary(string summary)
    {
        if (summary.Length >= MaxSummaryLength)
        {
            throw new InvalidOperationException($"Card summary is {summary.Length} characters; it must be shorter than {MaxSummaryLength}: {summary}");
        }

        return summary;
    }

    internal static string SummaryFor(int row, AntiGm1State gm1, OrderStage stage, FindingDoubt cbDoubt = FindingDoubt.Pending, bool ckVeryHigh = false)
    {
        var text = row switch
        {
            0 => "IVIg order: LMN syndrome and another IVIg indication both on record; no stewardship advice given",
            1 => "Conduction block on record supports MMN: IVIg is first-line; consider coding MMN (G61.82)",
            2 => "High-titre anti-GM1 IgM supports MMN without conduction block: set objective end-points for IVIg",
            3 when ckVeryHigh => "CK very high and no conduction block: consider a myopathic mimic before treating as LMN disease",
            3 => "Empiric IVIg unlikely to help: no conduction block, no high-titre anti-GM1 IgM, and CK is raised",
            4 => "Empiric IVIg unlikely to help: no conduction block and no high-titre anti-GM1 IgM on record",
            5 => "Empiric IVIg unlikely to help: no conduction block and a borderline anti-GM1 IgM; repeat it first",
            6 when gm1 == AntiGm1State.Pending => "No conduction block; anti-GM1 IgM is pending: consider waiting for it before IVIg",
            6 => "No conduction block, but no anti-GM1 IgM on record: test it before an empiric IVIg trial",
            7 => "No nerve conduction study for conduction block on record: do one before an empiric IVIg trial",
            8 => "High-titre anti-GM1 IgM supports MMN, but conduction block is undocumented: order nerve conduction",
            9 => cbDoubt switch
            {
                FindingDoubt.TooFewAssessable => "Nerve study on record: too few nerves assessable to rule out conduction block; review before IVIg",
                FindingDoubt.Unreadable => "Nerve conduction result on record could not be read for conduction block: review it before IVIg",
                FindingDoubt.Equivocal => "Nerve conduction on record is equivocal for conduction block: neuromuscular review before IVIg",
                _ => "Nerve conduction study pending: consider deferring IVIg until conduction block has been assessed",
            },
            10 => "IVIg continuation: document objective benefit (e.g. MRC sum score, grip strength) by 6 months, then yearly",
            _ => throw new ArgumentOutOfRangeException(nameof(row), row, "No such decision-table row."),
        };
        return Summary(stage == OrderStage.Signing && row is >= 3 and <= 7 ? "Before signing: " + LowerFirst(text) : text);
    }

    internal static Advice Build(CardFacts facts)
    {
        var row = facts.Match.Row ?? throw new ArgumentException("A card needs a row.", nameof(facts));
        var indicator = facts.Match.Level == CardLevel.Warning ? AdviceIndicator.Warning : AdviceIndicator.Info;
        var cited = new List<EvidenceSource>();
        return new Advice
        {
            OrderReference = facts.OrderReference,
            Indicator = indicator,
            Summary = SummaryFor(row, facts.AntiGm1IgM.State, facts.Stage, facts.ConductionBlock.Doubt, facts.CkVeryHigh),
            Detail = CardDetail.Write(facts, row, cited),
            Links = cited.Distinct().Select(s => new EvidenceLink(s.Label, s.Url)).ToList(),
            OverrideReasons = OverrideReasons,
            Suggestions = CardSuggestions.For(facts, row, indicator),
            Trace = Trace(facts, row),
        };
    }

    /// <summary>Text made safe for one GFM table cell.</summary>
    internal static string Cell(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static DecisionTrace Trace(CardFacts f, int row)
    {
        var evidence = f.Indication.EvidenceIds
            .Concat(f.ConductionBlock.EvidenceIds).Concat(f.AntiGm1IgM.EvidenceIds).Concat(f.CreatineKinase.EvidenceIds)
            .Concat(f.Ongoing.EvidenceIds).Distinct().ToList();
        var flags = f.ConductionBlock.Flags.Concat(f.AntiGm1IgM.Flags).Concat(f.CreatineKinase.Flags).ToList();
        flags.Add(f.Indication.FromOrder ? "indication from order" : "indication from conditions");
        return new DecisionTrace
        {
            Row = row,
            ConductionBlock = StateName(f.ConductionBlock),
            AntiGm1IgM = StateName(f.AntiGm1IgM),
            CreatineKinase = StateName(f.CreatineKinase),
            OngoingIvig = f.Ongoing.Ongoing == true,
            Evidence = evidence,
            Flags = flags,
        };
    }

    private static string StateName<T>(Finding<T> finding) where T : struct, Enum => finding.Unavailable ? "Unavailable" : finding.State.ToString();

    internal static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
