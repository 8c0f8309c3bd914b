using System.Text.Json;

namespace CdsLmn.Service.Evidence;

/// <summary>What the evidence layer needs from a hook call, free of wire-protocol types.</summary>
internal sealed record EvidenceRequest
{
    public required string PatientId { get; init; }

    public required string UserId { get; init; }

    public string? EncounterId { get; init; }

    /// <summary>order-select: the selected orders (<c>Type/id</c>); null: every draft order is in scope.</summary>
    public IReadOnlyList<string>? Selections { get; init; }

    public required JsonElement DraftOrders { get; init; }

    /// <summary>The prefetch the EHR sent (key → value); a key that is absent here was not prefetched.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Prefetch { get; init; }

    /// <summary>The service's prefetch templates (key → template), from discovery.</summary>
    public required IReadOnlyDictionary<string, string> Templates { get; init; }

    public string? FhirServer { get; init; }

    /// <summary>Transient bearer token for <see cref="FhirServer"/>; never logged or kept.</summary>
    public string? AccessToken { get; init; }

    /// <summary><c>fhirAuthorization.scope</c>: when present, only what it grants is queried.</summary>
    public string? Scope { get; init; }
}
