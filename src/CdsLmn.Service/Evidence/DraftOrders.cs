using System.Text.Json;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>The resources of context.draftOrders, parsed one entry at a time so one odd entry spoils nothing.</summary>
internal static class DraftOrders
{
    public static (IReadOnlyList<MedicationRequest> InScope, IReadOnlyList<Medication> Medications) Read(JsonElement bundle, IReadOnlyList<string>? selections)
    {
        var drafts = FhirPayload.EntryResources(bundle)
            .Select(json => FhirResourceParser.TryParse(json, out _))
            .OfType<Resource>()
            .ToList();
        var orders = drafts.OfType<MedicationRequest>()
            .Where(order => selections is null || selections.Contains($"MedicationRequest/{order.Id}", StringComparer.Ordinal))
            .ToList();
        return (orders, drafts.OfType<Medication>().ToList());
    }
}
