using System.Text.Json;

namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>The context of <c>order-select</c> (hook library STU1).</summary>
public sealed record OrderSelectContext
{
    /// <summary>REQUIRED. <c>Practitioner/id</c> or <c>PractitionerRole/id</c>.</summary>
    public required string UserId { get; init; }

    /// <summary>REQUIRED. The bare Patient id.</summary>
    public required string PatientId { get; init; }

    /// <summary>OPTIONAL. The bare Encounter id.</summary>
    public string? EncounterId { get; init; }

    /// <summary>REQUIRED. Relative references (<c>MedicationRequest/id</c>) of the newly selected draft orders.</summary>
    public required IReadOnlyList<string> Selections { get; init; }

    /// <summary>REQUIRED. A FHIR Bundle of every unsigned order in the session; parsed by Evidence/.</summary>
    public required JsonElement DraftOrders { get; init; }
}

/// <summary>The context of <c>order-sign</c> (hook library STU1): every draft order is in scope.</summary>
public sealed record OrderSignContext
{
    /// <summary>REQUIRED. <c>Practitioner/id</c> or <c>PractitionerRole/id</c>.</summary>
    public required string UserId { get; init; }

    /// <summary>REQUIRED. The bare Patient id.</summary>
    public required string PatientId { get; init; }

    /// <summary>OPTIONAL. The bare Encounter id.</summary>
    public string? EncounterId { get; init; }

    /// <summary>REQUIRED. A FHIR Bundle of the orders about to be signed; parsed by Evidence/.</summary>
    public required JsonElement DraftOrders { get; init; }
}
