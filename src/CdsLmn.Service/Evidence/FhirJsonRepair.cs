using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.Introspection;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// Real clients send single objects where R4 wants arrays (the CDS Hooks sandbox sends
/// <c>MedicationRequest.category</c> and <c>reasonCode</c> that way). Firely's lenient modes accept such
/// JSON but then throw when the property is read, so we wrap each lone value in an array wherever the R4
/// model declares a collection, guided by Firely's own model metadata, before parsing.
/// </summary>
internal static class FhirJsonRepair
{
    private static readonly ModelInspector Inspector = ModelInfo.ModelInspector;

    public static JsonNode? WrapSingletons(JsonElement element) => Repair(element, mapping: null);

    private static JsonNode? Repair(JsonElement element, ClassMapping? mapping) => element.ValueKind switch
    {
        JsonValueKind.Object => RepairObject(element, mapping),
        JsonValueKind.Array => new JsonArray(element.EnumerateArray().Select(item => Repair(item, mapping)).ToArray()),
        _ => JsonValue.Create(element),
    };

    private static JsonObject RepairObject(JsonElement element, ClassMapping? mapping)
    {
        if (element.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String)
        {
            mapping = Inspector.FindClassMapping(type.GetString()!) ?? mapping;
        }

        var result = new JsonObject();
        foreach (var member in element.EnumerateObject())
        {
            // "_given" carries the extensions of the primitive "given" and has its cardinality.
            var name = member.Name.StartsWith('_') ? member.Name[1..] : member.Name;
            var property = mapping?.FindMappedElementByName(name) ?? mapping?.FindMappedElementByChoiceName(name);
            var value = Repair(member.Value, ChildMapping(property, name));
            if (property is { IsCollection: true } && member.Value.ValueKind is not (JsonValueKind.Array or JsonValueKind.Null))
            {
                value = new JsonArray(value);
            }
            result[member.Name] = value;
        }
        return result;
    }

    private static ClassMapping? ChildMapping(PropertyMapping? property, string jsonName)
    {
        if (property is null)
        {
            return null;
        }
        if (property.Choice == ChoiceType.DatatypeChoice && jsonName.Length > property.Name.Length)
        {
            // valueCodeableConcept → CodeableConcept
            return Inspector.FindClassMapping(jsonName[property.Name.Length..]);
        }
        return Inspector.FindClassMapping(property.ImplementingType);
    }
}
