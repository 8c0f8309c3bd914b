using System.Text.Json;

namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>An action within a suggestion, or a system action (docs/cds-hooks-spec.md §4.5).</summary>
internal sealed record CdsAction
{
    /// <summary>REQUIRED. <c>create</c>, <c>update</c> or <c>delete</c>.</summary>
    public required ActionType Type { get; init; }

    /// <summary>REQUIRED for suggestion actions. May be shown to the user.</summary>
    public required string Description { get; init; }

    /// <summary>CONDITIONAL. The FHIR resource (a JSON object) to create, or the whole resource to update.</summary>
    public JsonElement? Resource { get; init; }

    /// <summary>CONDITIONAL. Relative reference of the resource to delete, e.g. <c>MedicationRequest/123</c>.</summary>
    public string? ResourceId { get; init; }
}
