using System.Text;
using CdsLmn.Clinical.Findings;

namespace CdsLmn.Clinical.Cards;

/// <summary>
/// The card's Markdown detail. Every source it names is added to <c>cited</c>, from which the card's links are made,
/// so a source is never cited without its link (docs/clinical-evidence.md §5.5).
/// </summary>
internal static class CardDetail
{
    private const string Risks = " IVIg has rare serious harms: thrombosis (myocardial infarction, stroke) and renal failure.";

    public static string Write(CardFacts f, int row, List<EvidenceSource> cited)
    {
        string Cite(EvidenceSource source)
        {
            cited.Add(source);
            return source.Name;
        }

        var sb = new StringBuilder();
        var reason = f.Indication.Display is null ? "a motor neuron disease diagnosis"
            : f.Indication.Code is null ? f.Indication.Display : $"{f.Indication.Display} ({f.Indication.Code})";
        var where = f.Indication.FromOrder ? "the order's reason" : "the active problem list";
        if (row == 0)
        {
            sb.Append("**IVIg ordered; ").Append(where).Append(" names both a lower-motor-neuron syndrome and another IVIg indication (")
                .Append(CardText.Cell(reason)).AppendLine(").**").AppendLine()
                .AppendLine("The indication is ambiguous, so no stewardship advice is given. Record which condition this order treats.");
            return sb.ToString();
        }

        sb.Append("**IVIg ordered for ").Append(CardText.Cell(reason)).Append("**, a lower-motor-neuron syndrome (from ").Append(where).AppendLine(").").AppendLine();
        sb.AppendLine("| Test | Result | Date |").AppendLine("|---|---|---|");
        AppendRow(sb, f.ConductionBlock);
        AppendRow(sb, f.AntiGm1IgM);
        AppendRow(sb, f.CreatineKinase);
        if (row == 10 && f.Ongoing.LastGiven is { } last)
        {
            sb.Append("| Previous IVIg | given or ordered | ").Append(ResultStatuses.Day(last)).AppendLine(" |");
        }

        sb.AppendLine();
        var notes = f.ConductionBlock.Notes.Concat(f.AntiGm1IgM.Notes).Concat(f.CreatineKinase.Notes).ToList();
        if (row != 10 && notes.Count > 0)
        {
            foreach (var note in notes)
            {
                sb.Append("- ").AppendLine(Inline(note));
            }

            sb.AppendLine();
        }

        var gaps = row == 10 ? [] : Gaps(f);
        if (gaps.Count > 0)
        {
            sb.Append("**Missing or out of date:** ").Append(string.Join("; ", gaps)).AppendLine(".").AppendLine();
        }

        if (f.Indication.IsAls && row is >= 2 and <= 9)
        {
            sb.Append("**ALS.** IVIg has no established role in ALS: the ").Append(Cite(EvidenceSource.Ontario)).Append(" list motor neuron disease under “Do Not Use”.");
            sb.AppendLine(f.AntiGm1IgM.State == AntiGm1State.High
                ? " Upper-motor-neuron signs or bulbar involvement argue against MMN, whatever the antibody titre (" + Cite(EvidenceSource.EfnsPns2010) + " exclusion criteria)."
                : string.Empty).AppendLine();
        }

        if (f.CkVeryHigh && row is 3 or 4)
        {
            sb.AppendLine("**CK is very high** for a motor-neuron syndrome: consider a myopathic mimic such as immune-mediated necrotising myopathy "
                + "or inclusion-body myositis, for which IVIg may have a role. Neuromuscular review before deciding.").AppendLine();
        }

        switch (row)
        {
            case 1:
                sb.Append("**Evidence.** Conduction block outside entrapment sites is the hallmark of multifocal motor neuropathy (MMN). ")
                    .Append(Cite(EvidenceSource.EfnsPns2010)).AppendLine(": IVIg 2 g/kg over 2–5 days is first-line when disability warrants treatment.").AppendLine()
                    .AppendLine("**Consider:** recording the diagnosis as MMN (G61.82) and setting objective outcome measures before the first course.");
                break;
            case 2:
                sb.Append("**Evidence.** High-titre IgM anti-GM1 supports MMN even without demonstrable conduction block, but evidence is limited: ")
                    .Append("1 of 5 such patients responded, and worsened again within 6 months despite maintenance (").Append(Cite(EvidenceSource.VanDenBerg1997)).AppendLine(").").AppendLine()
                    .AppendLine("**Consider:** defining objective end-points (MRC sum score, grip dynamometry) and reassessing after at most 3 courses.");
                break;
            case >= 3 and <= 7:
                WarningBody(sb, f, row, Cite);
                break;
            case 8:
                sb.Append("**Evidence.** High-titre anti-GM1 IgM supports MMN, but ").Append(Cite(EvidenceSource.EfnsPns2010))
                    .AppendLine(" advise electrodiagnosis in all patients: conduction block is the hallmark of MMN and a baseline for judging response.").AppendLine()
                    .AppendLine("**Consider:** nerve conduction with proximal stimulation and area measurements to document conduction block.");
                break;
            case 9:
                UncertainStudyBody(sb, f.ConductionBlock.Doubt, Cite);
                break;
            case 10:
                sb.Append("**Continuation.** Document objective benefit: the ").Append(Cite(EvidenceSource.Ontario))
                    .Append(" ask for objective measures set at the start, assessed by 6 months and then at least annually, and to stop IVIg if it is not effective; the ")
                    .Append(Cite(EvidenceSource.Australia)).AppendLine(" require measurable clinical outcomes for continued use.");
                break;
        }

        return sb.ToString().TrimEnd() + Environment.NewLine;
    }

    private static void WarningBody(StringBuilder sb, CardFacts f, int row, Func<EvidenceSource, string> cite)
    {
        sb.Append("**Evidence.** ");
        if (row == 7)
        {
            sb.Append(cite(EvidenceSource.EfnsPns2010)).Append(" advise electrodiagnosis in all patients with suspected MMN: conduction block outside entrapment sites is its hallmark. ");
        }

        sb.Append("Of 31 consecutive patients with progressive pure-LMN weakness and no conduction block, 3 (10 %) improved modestly on IVIg "
            + "2 g/kg monthly for 3 months; all responders had a normal CK (").Append(cite(EvidenceSource.Simon2013)).Append(", Class IV; summarised in ")
            .Append(cite(EvidenceSource.JournalWatch)).Append(").");
        switch (row)
        {
            case 3:
                sb.Append(" CK > 180 U/L was also less frequent in IVIg responders (").Append(cite(EvidenceSource.VanDenBergVos2000)).Append(").");
                break;
            case 4:
                sb.Append(" The responders' profile (distal upper-limb onset, EMG changes confined to weak muscles, normal CK) did not pick them out: "
                    + "31 % of non-responders with distal upper-limb onset shared it.");
                break;
            case 5:
                sb.Append(" Low anti-GM1 IgM titres are non-specific (found in MND, MGUS and healthy people); only a high titre supports MMN.");
                break;
            case 6:
                sb.Append(" A high anti-GM1 IgM titre would support MMN; a negative one does not exclude it (sensitivity about 50 %).");
                break;
        }

        sb.Append(" The evidence is contested: a retrospective series reported response in 31 of 42 isolated LMN syndromes (")
            .Append(cite(EvidenceSource.Burrell2011)).Append(").");
        sb.AppendLine(Risks).AppendLine();

        var instead = row switch
        {
            3 or 4 => "neuromuscular referral; if the weakness is distal, asymmetric and upper-limb (MMN-like), repeat nerve conduction with proximal stimulation and area measurements ("
                + cite(EvidenceSource.EfnsPns2010) + " criteria) before any trial"
                + (f.CreatineKinase.State == CreatineKinaseState.Unknown ? "; check CK" : string.Empty) + ".",
            5 => "repeat anti-GM1 IgM at a reference laboratory, drawn before any IVIg; neuromuscular referral.",
            6 when f.AntiGm1IgM.State == AntiGm1State.Pending => "wait for the pending anti-GM1 IgM result before deciding on IVIg.",
            6 => "order anti-GM1 IgM (LOINC 51703-7) before any IVIg; neuromuscular referral.",
            _ => "nerve conduction with a conduction-block protocol (proximal stimulation, area measurements), anti-GM1 IgM and CK before any IVIg.",
        };
        sb.Append("**Consider instead:** ").AppendLine(instead).AppendLine();
        sb.AppendLine(f.Stage == OrderStage.Signing
            ? "To sign anyway, give an override reason, e.g. a specialist-planned time-limited trial with objective end-points."
            : "Override if a specialist has planned a time-limited trial with objective end-points.");
    }

    /// <summary>Row 9: the words fit the cause; "deferring" only for a study still to come (docs/clinical-evidence.md §5.5).</summary>
    private static void UncertainStudyBody(StringBuilder sb, FindingDoubt doubt, Func<EvidenceSource, string> cite)
    {
        switch (doubt)
        {
            case FindingDoubt.TooFewAssessable:
                sb.Append("**Why no verdict:** too few nerves were assessable to rule conduction block out; ").Append(cite(EvidenceSource.EfnsPns2010))
                    .AppendLine(" criteria need an adequate distal response and proximal stimulation.").AppendLine()
                    .AppendLine("**Consider:** neuromuscular review of the study, or a repeat with proximal stimulation and area measurements on other nerves, before an empiric IVIg trial.");
                break;
            case FindingDoubt.Unreadable:
                sb.AppendLine("**Why no verdict:** the nerve conduction result on record could not be read for conduction block.").AppendLine()
                    .Append("**Consider:** reading the report itself, or a neuromuscular review, before an empiric IVIg trial; ").Append(cite(EvidenceSource.EfnsPns2010))
                    .AppendLine(" advise electrodiagnosis in all patients with suspected MMN.");
                break;
            case FindingDoubt.Equivocal:
                sb.AppendLine("**Why no verdict:** the nerve conduction study on record is equivocal for conduction block.").AppendLine()
                    .Append("**Consider:** neuromuscular review; if MMN remains possible, a repeat study with proximal stimulation and area measurements (")
                    .Append(cite(EvidenceSource.EfnsPns2010)).AppendLine(" criteria) before an empiric IVIg trial.");
                break;
            default:
                sb.Append("**Consider:** deferring IVIg until the pending nerve conduction study has been reported and reviewed; ").Append(cite(EvidenceSource.EfnsPns2010))
                    .AppendLine(" advise electrodiagnosis in all patients with suspected MMN.");
                break;
        }
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
            gaps.Add(finding.Doubt == FindingDoubt.Pending ? $"{name} (pending)" : $"{name} (none on record)");
        }
    }

    private static void AppendRow<T>(StringBuilder sb, Finding<T> finding) where T : struct, Enum
    {
        var result = finding.Unavailable ? "could not be retrieved" : finding.Result;
        sb.Append("| ").Append(CardText.Cell(finding.Test)).Append(" | ").Append(CardText.Cell(result)).Append(" | ")
            .Append(finding.Date is null ? "—" : ResultStatuses.Day(finding.Date)).AppendLine(" |");
    }

    /// <summary>One line of text from a record, made inert in Markdown: no line breaks, no HTML, no emphasis or links.</summary>
    private static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\r' or '\n':
                    sb.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '|':
                    sb.Append('\\').Append(c);
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }
}
