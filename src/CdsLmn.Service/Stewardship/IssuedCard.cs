namespace CdsLmn.Service.Stewardship;

/// <summary>
/// A card the service produced, as the audit store keeps it. The hook handler records one per card it
/// issues — in shadow mode too, where the card is recorded but not sent.
/// </summary>
internal sealed record IssuedCard
{
    /// <summary>The card's <c>uuid</c> as sent to the EHR (feedback refers to it).</summary>
    public required string CardUuid { get; init; }

    /// <summary>The CDS service id that issued it (<c>ivig-lmn-order-select</c>, ...).</summary>
    public required string ServiceId { get; init; }

    /// <summary>The hook call's <c>hookInstance</c>.</summary>
    public required string HookInstance { get; init; }

    /// <summary>The patient's FHIR id. The store keeps only a salted HMAC-SHA256 of it, never the id itself.</summary>
    public required string PatientId { get; init; }

    /// <summary>The decision-table row that produced the card.</summary>
    public required int DecisionRow { get; init; }

    /// <summary>The card's indicator: <c>info</c>, <c>warning</c> or <c>critical</c>.</summary>
    public required string Indicator { get; init; }

    /// <summary>When the card was issued.</summary>
    public required DateTimeOffset IssuedAt { get; init; }

    /// <summary>True when the service ran in shadow mode: the card was evaluated and recorded but not shown.</summary>
    public bool Shadow { get; init; }

    /// <summary>The card's suggestions, so the report can say which were accepted.</summary>
    public IReadOnlyList<IssuedSuggestion> Suggestions { get; init; } = [];
}
