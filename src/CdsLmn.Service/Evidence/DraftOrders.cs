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
        var orders = new List<MedicationRequest>();
        var medications = new List<Medication>();
        foreach (var (index, json) in FhirPayload.IndexedEntryResources(bundle))
        {
            switch (FhirResourceParser.TryParse(json, out var problem))
            {
                case null:
                    return ([], [], $"'context.draftOrders.entry[{index}]' is unreadable: {problem}.");
                case MedicationRequest order when selections is null || IsSelected(order, selections):
                    orders.Add(order);
                    break;
                case Medication medication:
                    medications.Add(medication);
                    break;
            }
        }
        return (orders, medications, null);
    }

    private static bool IsSelected(MedicationRequest order, IReadOnlyList<string> selections)
    {
        foreach (var selection in selections)
        {
            if (selection.Length == "MedicationRequest/".Length + (order.Id?.Length ?? 0)
                && selection.StartsWith("MedicationRequest/", StringComparison.Ordinal)
                && selection.AsSpan("MedicationRequest/".Length).SequenceEqual(order.Id))
            {
                return true;
            }
        }
        return false;
    }
}
