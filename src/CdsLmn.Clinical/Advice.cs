using Hl7.Fhir.Model;

namespace CdsLmn.Clinical;

/// <summary>
/// The advisor's answer for one hook call: the advice to show (possibly none), or the evidence it
/// needed and could not get. When <see cref="Missing"/> is not empty, <see cref="Advice"/> is empty
/// and the caller must not guess (the service answers 412).
/// </summary>
public sealed record Assessment(IReadOnlyList<Advice> Advice, IReadOnlySet<EvidenceKind> Missing)
{
    public static Assessment Silent { get; } = new([], new HashSet<EvidenceKind>());

    public bool IsDecided => Missing.Count == 0;
}

/// <summary>Card urgency. There is deliberately no "critical": the evidence is Class IV and contested (docs/clinical-evidence.md §5.3).</summary>
public enum AdviceIndicator
{
    Info,
    Warning,
}

/// <summary>One piece of advice about one IVIg order, in clinical terms; CdsHooks/AdviceToCard turns it into a card.</summary>
public sealed record Advice
{
    /// <summary>The draft order the advice concerns, as a relative reference (<c>MedicationRequest/id</c>).</summary>
    public required string OrderReference { get; init; }

    public required AdviceIndicator Indicator { get; init; }

    /// <summary>One sentence, always shorter than 140 characters.</summary>
    public required string Summary { get; init; }

    /// <summary>GitHub-flavoured Markdown: the patient's results with dates, the reason, the evidence, what to do instead.</summary>
    public required string Detail { get; init; }

    public required IReadOnlyList<EvidenceLink> Links { get; init; }

    public required IReadOnlyList<OverrideReason> OverrideReasons { get; init; }

    public required IReadOnlyList<SuggestedChange> Suggestions { get; init; }

    public required DecisionTrace Trace { get; init; }
}

/// <summary>An absolute link to the evidence behind the advice.</summary>
public sealed record EvidenceLink(string Label, Uri Url);

/// <summary>A reason a clinician may pick when overriding, coded in <see cref="CdsLmnCodes.OverrideReasonSystem"/>.</summary>
public sealed record OverrideReason(string Code, string Display);

/// <summary>A change the clinician can accept with one click.</summary>
public abstract record SuggestedChange(string Label, string Description);

/// <summary>Create a new resource, e.g. a ServiceRequest for anti-GM1 IgM or a nerve conduction study.</summary>
public sealed record CreateResource(string Label, string Description, Resource Resource) : SuggestedChange(Label, Description);

/// <summary>Delete a draft order named by relative reference (<c>MedicationRequest/id</c>).</summary>
public sealed record DeleteDraftOrder(string Label, string Description, string ResourceId) : SuggestedChange(Label, Description);

/// <summary>
/// Why the advice was given: the decision-table row and the state of each finding, with the ids
/// (<c>Type/id</c>) of the resources each state came from. Shown to integrators as a card extension.
/// </summary>
public sealed record DecisionTrace
{
    public required int Row { get; init; }
    public required string ConductionBlock { get; init; }
    public required string AntiGm1IgM { get; init; }
    public required string CreatineKinase { get; init; }
    public required bool OngoingIvig { get; init; }
    public required IReadOnlyList<string> Evidence { get; init; }
    /// <summary>Notes that qualify the states, e.g. "amplitude-based", "drawn after IVIg", "stale NCS 2024-01-03".</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];
}
