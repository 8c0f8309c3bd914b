namespace CdsLmn.Service.Stewardship;

/// <summary>
/// One validated feedback entry, as the store keeps it. Its identity — what makes a repeat a duplicate —
/// is the card uuid, the response, the outcome time (to the millisecond) and the set of accepted suggestion ids.
/// </summary>
internal sealed record FeedbackEntry
{
    /// <summary>The service id the feedback was posted to.</summary>
    public required string ServiceId { get; init; }

    /// <summary>The card's uuid (lower case).</summary>
    public required string CardUuid { get; init; }

    public required ClinicianResponse Response { get; init; }

    /// <summary>The accepted suggestions' ids; empty for an overridden card.</summary>
    public IReadOnlyList<string> AcceptedSuggestionIds { get; init; } = [];

    /// <summary>The coded override reason the clinician picked, if any.</summary>
    public OverrideReasonCode? OverrideReason { get; init; }

    /// <summary>The clinician's free-text comment, if any.</summary>
    public string? UserComment { get; init; }

    /// <summary>When the outcome happened (UTC).</summary>
    public required DateTimeOffset OutcomeAt { get; init; }
}
