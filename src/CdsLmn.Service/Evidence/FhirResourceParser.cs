using System.Collections.Immutable;
using System.Runtime.InteropServices;
using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Utility;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// Parses FHIR R4 JSON from EHRs with the Firely SDK after <see cref="FhirJsonRepair"/>. We tolerate what real
/// clients get wrong without harm (unknown or wrongly cased elements, missing required elements such as
/// Bundle.type, empty arrays, nulls, odd narrative) and refuse what would leave a POCO whose properties throw
/// when read (a value of the wrong JSON type, a malformed date or number, an unknown code, an array where one
/// value belongs): such a resource is unreadable, and unreadable data must never be taken for "none".
/// </summary>
internal static class FhirResourceParser
{
    // Firely's issue codes: PVAL128 unknown element, PVAL131 element casing, PVAL105 cardinality, PVAL129 empty
    // element, JSON109 null primitive, JSON121 empty array, PVAL115 narrative XHTML.
    private const string SingleValueWhereCollectionExpected = "PVAL127";

    private static readonly ImmutableArray<string> ToleratedIssues = ["PVAL128", "PVAL131", "PVAL105", "PVAL129", "JSON109", "JSON121", "PVAL115"];

    private static readonly FhirJsonDeserializer Deserializer =
        new(new DeserializerSettings().UsingMode(DeserializationMode.Strict).Ignoring(ToleratedIssues));

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
            // Most EHR JSON is well formed: parse the element's own bytes. Where lone data values stand for arrays (the
            // sandbox's draft orders), repair first rather than after a parse that would fail on them. A lone
            // contained resource keeps the reading it always had: parse as sent, repair only on Firely's PVAL127.
            var resource = FhirJsonRepair.FindLoneValues(element) switch
            {
                LoneValues.None => Deserialize(JsonMarshal.GetRawUtf8Value(element), out _),
                LoneValues.Data => Deserialize(FhirJsonRepair.WrapSingletons(element), out _),
                _ => Deserialize(JsonMarshal.GetRawUtf8Value(element), out var issues) ?? (issues.Any(i => i.ErrorCode == SingleValueWhereCollectionExpected)
                    ? Deserialize(FhirJsonRepair.WrapSingletons(element), out _)
                    : null),
            };
            problem = resource is null ? $"'{type.GetString()}' is not valid FHIR R4" : null;
            return resource;
        }
        // Firely throws more than its documented types while it validates what it read (a CodedValidationException
        // from DomainResource.Contained when "contained" is one object, for one): whatever it throws, the resource is unreadable.
#pragma warning disable CA1031
        catch (Exception)
#pragma warning restore CA1031
        {
            problem = $"'{type.GetString()}' could not be read as a FHIR R4 resource";
            return null;
        }
    }

    private static Resource? Deserialize(ReadOnlySpan<byte> json, out IEnumerable<CodedException> issues)
    {
        var reader = new Utf8JsonReader(json);
        // Firely turns an unknown resourceType into a DynamicResource; that is not R4 data we can use.
        return Deserializer.TryDeserializeResource(ref reader, out var resource, out issues) && resource is not (null or DynamicResource)
            ? resource
            : null;
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
