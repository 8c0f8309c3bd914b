namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>What the clinician did with one card.</summary>
internal sealed record Feedback
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
