using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>The body of <c>POST /cds-services/{id}/feedback</c> (docs/cds-hooks-spec.md §5).</summary>
public sealed record FeedbackRequest
{
    /// <summary>REQUIRED. One entry per card outcome; several cards (and repeats of one card) may share a call.</summary>
    public required IReadOnlyList<Feedback> Feedback { get; init; }
}

/// <summary>What the clinician did with one card.</summary>
public sealed record Feedback
{
    /// <summary>REQUIRED. The <c>uuid</c> of the card, as the service sent it.</summary>
    public required string Card { get; init; }

    /// <summary>REQUIRED. <c>accepted</c> or <c>overridden</c>.</summary>
    public required FeedbackOutcome Outcome { get; init; }

    /// <summary>CONDITIONAL. Required when <see cref="Outcome"/> is <c>accepted</c>: the suggestions taken.</summary>
    public IReadOnlyList<AcceptedSuggestion>? AcceptedSuggestions { get; init; }

    /// <summary>OPTIONAL. Why the card was overridden, when the clinician said.</summary>
    public OverrideReason? OverrideReason { get; init; }

    /// <summary>REQUIRED. When the outcome happened, RFC 3339 in UTC (<c>2021-12-11T10:05:31Z</c>); kept as sent, parsed by the reader.</summary>
    public required string OutcomeTimestamp { get; init; }
}

/// <summary>What happened to a card (<c>cds-fb-1</c>); an ignored card gets no feedback at all.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<FeedbackOutcome>))]
public enum FeedbackOutcome
{
    Accepted,
    Overridden,
}

/// <summary>A suggestion the clinician accepted.</summary>
public sealed record AcceptedSuggestion
{
    /// <summary>REQUIRED. The suggestion's <c>uuid</c>.</summary>
    public required string Id { get; init; }
}

/// <summary>The clinician's reason for overriding a card.</summary>
public sealed record OverrideReason
{
    /// <summary>CONDITIONAL. Present when the clinician picked one of the card's <c>overrideReasons</c>; display may be missing.</summary>
    public CdsCoding? Reason { get; init; }

    /// <summary>OPTIONAL. Free text from the clinician.</summary>
    public string? UserComment { get; init; }
}

/// <summary>The answer to a valid feedback call: how many entries were read, how many were new (repeats are stored once), and how many named another service's card.</summary>
public sealed record FeedbackReceipt
{
    /// <summary>REQUIRED. Entries in the request.</summary>
    public required int Received { get; init; }

    /// <summary>REQUIRED. Entries not seen before, now durably stored.</summary>
    public required int Stored { get; init; }

    /// <summary>Entries about a card another CDS service of this server issued: not stored. Omitted when 0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Foreign { get; init; }
}
