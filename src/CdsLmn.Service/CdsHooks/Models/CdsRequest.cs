using System.Text.Json;

namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>A CDS Hooks 2.0.1 service request (docs/cds-hooks-spec.md §2), read from the request document without copying its FHIR content. Unknown members and <c>extension</c> are ignored.</summary>
internal sealed record CdsRequest
{
    /// <summary>REQUIRED. The hook that fired, e.g. <c>order-select</c>.</summary>
    public required string Hook { get; init; }

    /// <summary>REQUIRED. A UUID unique to this invocation.</summary>
    public required string HookInstance { get; init; }

    /// <summary>CONDITIONAL. The EHR's FHIR base URL; required when <see cref="FhirAuthorization"/> is present.</summary>
    public string? FhirServer { get; init; }

    /// <summary>OPTIONAL. A bearer token for <see cref="FhirServer"/>; transient, never logged or stored.</summary>
    public FhirAuthorization? FhirAuthorization { get; init; }

    /// <summary>REQUIRED. Hook-specific context (order-select/order-sign: userId, patientId, encounterId?, selections, draftOrders), checked by RequestShape and read into <see cref="HookCall"/>.</summary>
    public required JsonElement Context { get; init; }

    /// <summary>OPTIONAL. Prefetch key → FHIR resource, searchset Bundle or <c>null</c>; parsed by Evidence/.</summary>
    public Dictionary<string, JsonElement>? Prefetch { get; init; }
}
