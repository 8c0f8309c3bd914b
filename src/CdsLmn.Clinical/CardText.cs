using System.Text;
using CdsLmn.Clinical.Fhir;
using CdsLmn.Clinical.Findings;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical;

/// <summary>The facts one card is written from.</summary>
internal sealed record CardFacts(
    string OrderReference,
    HookKind Hook,
    Outcome Outcome,
    IndicationResult Indication,
    Finding<ConductionBlockState> ConductionBlock,
    Finding<AntiGm1State> AntiGm1IgM,
    Finding<CreatineKinaseState> CreatineKinase,
    OngoingIvigResult Ongoing,
    string? PatientReference,
    DateTimeOffset Now);

/// <summary>Card wording (docs/card-example.md): summary, GFM detail, links, override reasons, suggestions, trace.</summary>
public static class CardText
{
    public const int MaxSummaryLength = 140;

    public const string SourceLabel = "CdsLmn · IVIg stewardship in LMN syndromes";
    public const string TopicCode = "ivig-lmn";
    public const string TopicDisplay = "IVIg in LMN syndromes";

    public static readonly Uri JournalWatch = new("http://www.jwatch.org/na32871/2013/11/26/ivig-lower-motor-neuron-syndromes");
    public static readonly Uri Simon2013 = new("https://pmc.ncbi.nlm.nih.gov/articles/PMC3863347/");
    public static readonly Uri EfnsPns2010 = new("https://pmc.ncbi.nlm.nih.gov/articles/PMC4409549/");
    public static readonly Uri VanDenBergVos2000 = new("https://pubmed.ncbi.nlm.nih.gov/11117549/");

    /// <summary>Override reasons of docs/clinical-evidence.md §5.3, with stable codes in <see cref="CdsLmnCodes.OverrideReasonSystem"/>.</summary>
    public static IReadOnlyList<OverrideReason> OverrideReasons { get; } =
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

    internal static string SummaryFor(int row, AntiGm1State gm1, HookKind hook)
    {
        var text = row switch
        {
            0 => "IVIg order: LMN syndrome and another IVIg indication both on record; no stewardship advice given",
            1 => "Conduction block on record supports MMN: IVIg is first-line; consider coding MMN (G61.82)",
            2 => "High-titre anti-GM1 IgM supports MMN without conduction block: set objective end-points for IVIg",
            3 => "Empiric IVIg unlikely to help: no conduction block, no high-titre anti-GM1 IgM, and CK is raised",
            4 => "Empiric IVIg unlikely to help: no conduction block and no high-titre anti-GM1 IgM on record",
            5 => "Empiric IVIg unlikely to help: no conduction block and a borderline anti-GM1 IgM; repeat it first",
            6 when gm1 == AntiGm1State.Pending => "No conduction block; anti-GM1 IgM is pending: consider waiting for it before IVIg",
            6 => "No conduction block, but no anti-GM1 IgM on record: test it before an empiric IVIg trial",
            7 => "No nerve conduction study for conduction block on record: do one before an empiric IVIg trial",
            8 => "High-titre anti-GM1 IgM supports MMN, but conduction block is undocumented: order nerve conduction",
            9 => "Conduction block result pending or borderline: consider deferring IVIg until it is reviewed",
            10 => "IVIg continuation: document objective benefit (e.g. MRC sum score, grip strength) at least 6-monthly",
            _ => throw new ArgumentOutOfRangeException(nameof(row), row, "No such decision-table row."),
        };
        return Summary(hook == HookKind.OrderSign && row is >= 3 and <= 7 ? "Before signing: " + LowerFirst(text) : text);
    }

    internal static Advice Build(CardFacts facts)
    {
        var row = facts.Outcome.Row ?? throw new ArgumentException("A card needs a row.", nameof(facts));
        var indicator = facts.Outcome.Level == CardLevel.Warning ? AdviceIndicator.Warning : AdviceIndicator.Info;
        return new Advice
        {
            OrderReference = facts.OrderReference,
            Indicator = indicator,
            Summary = SummaryFor(row, facts.AntiGm1IgM.State, facts.Hook),
            Detail = Detail(facts, row),
            Links = Links(row),
            OverrideReasons = OverrideReasons,
            Suggestions = Suggestions(facts, row, indicator),
            Trace = Trace(facts, row),
        };
    }

    private static string Detail(CardFacts f, int row)
    {
        var sb = new StringBuilder();
        var reason = f.Indication.Display is null ? "a motor neuron disease diagnosis"
            : f.Indication.Code is null ? f.Indication.Display : $"{f.Indication.Display} ({f.Indication.Code})";
        var where = f.Indication.FromOrder ? "the order's reason" : "the active problem list";
        if (row == 0)
        {
            sb.Append("**IVIg ordered; ").Append(where).Append(" names both a lower-motor-neuron syndrome and another IVIg indication (")
                .Append(Cell(reason)).AppendLine(").**").AppendLine()
                .AppendLine("The indication is ambiguous, so no stewardship advice is given. Record which condition this order treats.");
            return sb.ToString();
        }

        sb.Append("**IVIg ordered for ").Append(Cell(reason)).Append("**, a lower-motor-neuron syndrome (from ").Append(where).AppendLine(").").AppendLine();
        sb.AppendLine("| Test | Result | Date |").AppendLine("|---|---|---|");
        AppendRow(sb, f.ConductionBlock);
        AppendRow(sb, f.AntiGm1IgM);
        AppendRow(sb, f.CreatineKinase);
        if (row == 10 && f.Ongoing.LastGiven is { } last)
        {
            sb.Append("| Previous IVIg | given | ").Append(ResultStatuses.Day(last)).AppendLine(" |");
        }

        sb.AppendLine();
        var gaps = row == 10 ? [] : Gaps(f);
        if (gaps.Count > 0)
        {
            sb.Append("**Missing or out of date:** ").Append(string.Join("; ", gaps)).AppendLine(".").AppendLine();
        }

        switch (row)
        {
            case 1:
                sb.AppendLine("**Evidence.** Conduction block outside entrapment sites is the hallmark of multifocal motor neuropathy (MMN). "
                    + "EFNS/PNS 2010: IVIg 2 g/kg over 2–5 days is first-line when disability warrants treatment.").AppendLine()
                    .AppendLine("**Consider:** recording the diagnosis as MMN (G61.82) and setting objective outcome measures before the first course.");
                break;
            case 2:
                sb.AppendLine("**Evidence.** High-titre IgM anti-GM1 supports MMN even without demonstrable conduction block, but evidence is limited: "
                    + "1 of 5 such patients responded in van den Berg 1997 (JNNP).").AppendLine()
                    .AppendLine("**Consider:** defining objective end-points (MRC sum score, grip dynamometry) and reassessing after at most 3 courses.");
                break;
            case >= 3 and <= 7:
                WarningBody(sb, f, row);
                break;
            case 8:
                sb.AppendLine("**Evidence.** High-titre anti-GM1 IgM supports MMN, but EFNS/PNS 2010 advise electrodiagnosis in all patients: "
                    + "conduction block is the hallmark of MMN and a baseline for judging response.").AppendLine()
                    .AppendLine("**Consider:** nerve conduction with proximal stimulation and area measurements to document conduction block.");
                break;
            case 9:
                sb.AppendLine("**Consider:** deferring IVIg until the conduction block result is available, or has been reviewed by a neuromuscular specialist.");
                break;
            case 10:
                sb.AppendLine("**Continuation.** Document objective benefit: Ontario asks for objective measures set at the start, assessed by 6 months "
                    + "and at least yearly, and to stop IVIg if it is not effective; Australia requires measurable clinical outcomes.");
                break;
        }

        return sb.ToString().TrimEnd() + Environment.NewLine;
    }

    private static void WarningBody(StringBuilder sb, CardFacts f, int row)
    {
        sb.Append("**Evidence.** ");
        sb.Append(row == 7
            ? "EFNS/PNS 2010 advise electrodiagnosis in all patients with suspected MMN before treatment: conduction block outside entrapment sites is its hallmark. "
            : string.Empty);
        sb.Append("Of 31 consecutive patients with progressive pure-LMN weakness and no conduction block, 3 (10 %) improved modestly on IVIg "
            + "2 g/kg monthly for 3 months; all responders had a normal CK (Simon et al., Neurology 2013, Class IV).");
        sb.Append(row switch
        {
            3 => " CK > 180 U/L was also less frequent in IVIg responders (Van den Berg-Vos et al., Ann Neurol 2000).",
            4 => " A normal CK with distal upper-limb onset did not pick out responders: 31 % of non-responders shared that profile.",
            5 => " Low anti-GM1 IgM titres are non-specific (found in MND, MGUS and healthy people); only a high titre supports MMN.",
            6 => " A high anti-GM1 IgM titre would support MMN; a negative one does not exclude it (sensitivity about 50 %).",
            _ => string.Empty,
        });
        sb.AppendLine(" IVIg has rare serious harms: thrombosis (myocardial infarction, stroke) and renal failure.").AppendLine();

        var instead = row switch
        {
            3 or 4 => "neuromuscular referral; if the weakness is distal, asymmetric and upper-limb (MMN-like), repeat nerve conduction with proximal stimulation and area measurements before any trial"
                + (f.CreatineKinase.State == CreatineKinaseState.Unknown ? "; check CK" : string.Empty) + ".",
            5 => "repeat anti-GM1 IgM at a reference laboratory, drawn before any IVIg; neuromuscular referral.",
            6 when f.AntiGm1IgM.State == AntiGm1State.Pending => "wait for the pending anti-GM1 IgM result before deciding on IVIg.",
            6 => "order anti-GM1 IgM (LOINC 51703-7) before any IVIg; neuromuscular referral.",
            _ => "nerve conduction with a conduction-block protocol (proximal stimulation, area measurements), anti-GM1 IgM and CK before any IVIg.",
        };
        sb.Append("**Consider instead:** ").AppendLine(instead).AppendLine();
        sb.AppendLine(f.Hook == HookKind.OrderSign
            ? "To sign anyway, give an override reason, e.g. a specialist-planned time-limited trial with objective end-points."
            : "Override if a specialist has planned a time-limited trial with objective end-points.");
    }

    private static List<string> Gaps(CardFacts f)
    {
        var gaps = new List<string>();
        Gap(gaps, f.ConductionBlock, f.ConductionBlock.State is ConductionBlockState.NotTested or ConductionBlockState.Pending, "nerve conduction study");
        Gap(gaps, f.AntiGm1IgM, f.AntiGm1IgM.State is AntiGm1State.NotTested or AntiGm1State.Pending, "anti-GM1 IgM");
        Gap(gaps, f.CreatineKinase, f.CreatineKinase.State == CreatineKinaseState.Unknown, "creatine kinase");
        return gaps;
    }

    private static void Gap<T>(List<string> gaps, Finding<T> finding, bool missing, string name) where T : struct, Enum
    {
        if (finding.Unavailable)
        {
            gaps.Add($"{name} (could not be retrieved)");
        }
        else if (finding.StaleDate is { } stale)
        {
            gaps.Add($"{name} (last {ResultStatuses.Day(stale)}, too old to count)");
        }
        else if (missing)
        {
            gaps.Add(finding.Result.StartsWith("ordered", StringComparison.Ordinal) ? $"{name} (pending)" : $"{name} (none on record)");
        }
    }

    private static void AppendRow<T>(StringBuilder sb, Finding<T> finding) where T : struct, Enum
    {
        var result = finding.Unavailable ? "could not be retrieved" : finding.Result;
        sb.Append("| ").Append(Cell(finding.Test)).Append(" | ").Append(Cell(result)).Append(" | ")
            .Append(finding.Date is null ? "—" : ResultStatuses.Day(finding.Date)).AppendLine(" |");
    }

    /// <summary>Text made safe for one GFM table cell.</summary>
    internal static string Cell(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static IReadOnlyList<EvidenceLink> Links(int row)
    {
        var simon = new EvidenceLink("Simon et al., Neurology 2013 (3/31 responders)", Simon2013);
        var jwatch = new EvidenceLink("NEJM Journal Watch: IVIg for lower motor neuron syndromes", JournalWatch);
        var efns = new EvidenceLink("EFNS/PNS 2010 MMN guideline (tables)", EfnsPns2010);
        return row switch
        {
            3 => [simon, jwatch, efns, new EvidenceLink("Van den Berg-Vos et al., Ann Neurol 2000 (CK and IVIg response)", VanDenBergVos2000)],
            >= 4 and <= 7 => [simon, jwatch, efns],
            _ => [efns, simon],
        };
    }

    private static IReadOnlyList<SuggestedChange> Suggestions(CardFacts f, int row, AdviceIndicator indicator)
    {
        var suggestions = new List<SuggestedChange>();
        // A draft without an id (reference "MedicationRequest/?") cannot be named in a delete action (docs/cds-hooks-spec.md §4.5).
        if (indicator == AdviceIndicator.Warning && !f.OrderReference.EndsWith("/?", StringComparison.Ordinal))
        {
            suggestions.Add(new DeleteDraftOrder("Remove the IVIg order", "Remove the draft IVIg order", f.OrderReference));
        }

        if (f.PatientReference is not { } patient || row is < 3 or > 9)
        {
            return suggestions;
        }

        if (row is 7 or 8 && !f.ConductionBlock.Unavailable)
        {
            suggestions.Add(new CreateResource("Order nerve conduction with conduction-block protocol",
                "Nerve conduction study with proximal stimulation and CMAP area measurements",
                TestOrder(patient, f.Now, FhirSystems.Loinc, "18749-2", "Electromyogram study",
                    "Nerve conduction study, conduction-block protocol: proximal stimulation (elbow, axilla, Erb's point) and negative-peak CMAP area and duration measurements")));
        }

        if (f.AntiGm1IgM.State is AntiGm1State.NotTested or AntiGm1State.Equivocal && !f.AntiGm1IgM.Unavailable)
        {
            var repeat = f.AntiGm1IgM.State == AntiGm1State.Equivocal;
            suggestions.Add(new CreateResource(repeat ? "Repeat anti-GM1 IgM" : "Order anti-GM1 IgM",
                "Ganglioside GM1 IgM antibody, drawn before any IVIg",
                TestOrder(patient, f.Now, FhirSystems.Loinc, "51703-7", "Ganglioside GM1 IgM Ab [Units/volume] in Serum by Immunoassay",
                    "Anti-GM1 IgM antibody (draw before any IVIg)" + (repeat ? ", repeat at a reference laboratory" : string.Empty))));
        }

        if (row is 4 or 7 && f.CreatineKinase.State == CreatineKinaseState.Unknown && !f.CreatineKinase.Unavailable)
        {
            suggestions.Add(new CreateResource("Order creatine kinase", "Creatine kinase in serum",
                TestOrder(patient, f.Now, FhirSystems.Loinc, "2157-6", "Creatine kinase [Enzymatic activity/volume] in Serum or Plasma", "Creatine kinase")));
        }

        return suggestions;
    }

    private static ServiceRequest TestOrder(string patient, DateTimeOffset now, string system, string code, string display, string text) => new()
    {
        Status = RequestStatus.Draft,
        Intent = RequestIntent.Order,
        Code = new CodeableConcept(system, code, display, text),
        Subject = new ResourceReference(patient),
        AuthoredOn = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

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

    private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];
}
