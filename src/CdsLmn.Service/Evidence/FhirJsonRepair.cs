using System.Buffers;
using System.Text.Json;
using Hl7.Fhir.Introspection;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// Real clients send single objects where R4 wants arrays (the CDS Hooks sandbox sends
/// <c>MedicationRequest.category</c> and <c>reasonCode</c> that way). Firely's lenient modes accept such
/// JSON but then throw when the property is read, so we wrap each lone value in an array wherever the R4
/// model declares a collection, guided by Firely's own model metadata, before parsing. The repaired JSON is
/// written straight to UTF-8, without an intermediate tree.
/// </summary>
internal static class FhirJsonRepair
{
    private static readonly ModelInspector Inspector = ModelInfo.ModelInspector;

    /// <summary>Whether some lone value stands where R4 wants an array (Firely's strict mode refuses it), and of what kind.</summary>
    public static LoneValues FindLoneValues(JsonElement element, ClassMapping? mapping = null)
    {
        var found = LoneValues.None;
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                mapping = ResourceMapping(element) ?? mapping;
                foreach (var member in element.EnumerateObject())
                {
                    found = Max(found, Max(Member(member, mapping, out var child), FindLoneValues(member.Value, child)));
                }
                return found;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    found = Max(found, FindLoneValues(item, mapping));
                }
                return found;
            default:
                return found;
        }
    }

    private static LoneValues Max(LoneValues a, LoneValues b) => a > b ? a : b;

    public static byte[] WrapSingletons(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, element, mapping: null);
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element, ClassMapping? mapping)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(writer, element, mapping);
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, mapping);
                }
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static void WriteObject(Utf8JsonWriter writer, JsonElement element, ClassMapping? mapping)
    {
        mapping = ResourceMapping(element) ?? mapping;
        writer.WriteStartObject();
        foreach (var member in element.EnumerateObject())
        {
            var wrap = Member(member, mapping, out var child) != LoneValues.None;
            writer.WritePropertyName(member.Name);
            if (wrap)
            {
                writer.WriteStartArray();
            }
            Write(writer, member.Value, child);
            if (wrap)
            {
                writer.WriteEndArray();
            }
        }
        writer.WriteEndObject();
    }

    private static ClassMapping? ResourceMapping(JsonElement element) =>
        element.TryGetProperty("resourceType"u8, out var type) && type.ValueKind == JsonValueKind.String ? Inspector.FindClassMapping(type.GetString()!) : null;

    /// <summary>Whether <paramref name="member"/> is a lone value where the model wants a collection, and the mapping of its value.</summary>
    private static LoneValues Member(JsonProperty member, ClassMapping? mapping, out ClassMapping? child)
    {
        // "_given" carries the extensions of the primitive "given" and has its cardinality.
        var name = member.Name.StartsWith('_') ? member.Name[1..] : member.Name;
        var property = mapping?.FindMappedElementByName(name) ?? mapping?.FindMappedElementByChoiceName(name);
        child = ChildMapping(property, name);
        if (property is not { IsCollection: true } || member.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Null)
        {
            return LoneValues.None;
        }
        return typeof(Resource).IsAssignableFrom(property.ImplementingType) ? LoneValues.Resource : LoneValues.Data;
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
