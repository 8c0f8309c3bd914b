namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>A suggestion the clinician accepted.</summary>
internal sealed record AcceptedSuggestion
{
    /// <summary>REQUIRED. The suggestion's <c>uuid</c>.</summary>
    public required string Id { get; init; }
}
