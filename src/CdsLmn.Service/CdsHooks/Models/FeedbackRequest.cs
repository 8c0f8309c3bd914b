namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>The body of <c>POST /cds-services/{id}/feedback</c> (docs/cds-hooks-spec.md §5).</summary>
internal sealed record FeedbackRequest
{
    /// <summary>REQUIRED. One entry per card outcome; several cards (and repeats of one card) may share a call.</summary>
    public required IReadOnlyList<Feedback> Feedback { get; init; }
}
