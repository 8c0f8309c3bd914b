using System.Text.Json;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// The resources of context.draftOrders, parsed one entry at a time. The request itself carries them, so an entry
/// that cannot be read is the client's error (400), never an order that is silently not there.
/// </summary>
internal static class DraftOrders
{
    public static (IReadOnlyList<MedicationRequest> InScope, IReadOnlyList<Medication> Medications, string? Unreadable) Read(JsonElement bundle, IReadOnlyList<string>? selections)
    {
        var drafts = new List<Resource>();
        foreach (var (index, json) in FhirPayload.IndexedEntryResources(bundle))
        {
            var resource = FhirResourceParser.TryParse(json, out var problem);
            if (resource is null)
            {
                return ([], [], $"'context.draftOrders.entry[{index}]' is unreadable: {problem}.");
            }
            drafts.Add(resource);
        }
        var orders = drafts.OfType<MedicationRequest>()
            .Where(order => selections is null || selections.Contains($"MedicationRequest/{order.Id}", StringComparer.Ordinal))
            .ToList();
        return (orders, drafts.OfType<Medication>().ToList(), null);
    }
}
