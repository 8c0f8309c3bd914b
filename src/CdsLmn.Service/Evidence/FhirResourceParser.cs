using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// Parses FHIR R4 JSON from EHRs with the Firely SDK, leniently (unknown elements and odd values are kept,
/// not fatal) after <see cref="FhirJsonRepair"/>. A value that is not a FHIR resource yields null and a reason.
/// </summary>
internal static class FhirResourceParser
{
    private static readonly FhirJsonDeserializer Deserializer = new(new DeserializerSettings().UsingMode(DeserializationMode.Recoverable));

    public static Resource? TryParse(JsonElement element, out string? problem)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String)
        {
            problem = "not a FHIR resource (no resourceType)";
            return null;
        }

        try
        {
            var repaired = FhirJsonRepair.WrapSingletons(element)!.ToJsonString();
            // Firely turns an unknown resourceType into a DynamicResource; that is not R4 data we can use.
            if (Deserializer.TryDeserializeResource(repaired, out var resource, out _) && resource is not (null or DynamicResource))
            {
                problem = null;
                return resource;
            }
            problem = $"'{type.GetString()}' could not be read as a FHIR R4 resource";
            return null;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            problem = $"'{type.GetString()}' could not be read as a FHIR R4 resource";
            return null;
        }
    }

    public static T? TryParse<T>(JsonElement element, out string? problem) where T : Resource
    {
        var resource = TryParse(element, out problem);
        if (resource is null or T)
        {
            return resource as T;
        }
        problem = $"expected {typeof(T).Name}, got {resource.TypeName}";
        return null;
    }
}
