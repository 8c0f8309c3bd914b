namespace CdsLmn.Clinical;

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

    public required IReadOnlyList<OverrideOption> OverrideReasons { get; init; }

    public required IReadOnlyList<SuggestedChange> Suggestions { get; init; }

    public required DecisionTrace Trace { get; init; }
}
