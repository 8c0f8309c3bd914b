using System.Text.Json;
using CdsLmn.Clinical;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// Reads one prefetch value or one FHIR response body (docs/cds-hooks-spec.md §3.2): <c>null</c> or an empty
/// Bundle is "no data"; an OperationOutcome, alone or carrying an error inside a Bundle, is a failed query;
/// a Bundle's resources are parsed one by one with the Firely SDK, and its <c>next</c> link is kept. Given a
/// <see cref="ResultRelevance"/>, results that cannot change the decision are left unbound (<see cref="ResultScreen"/>).
/// </summary>
internal static class FhirPayload
{
    public static EvidenceResult Read(JsonElement value, string? expectedType = null, ResultRelevance? relevance = null)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return EvidenceResult.None;
        }
        if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty("resourceType", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            return EvidenceResult.Fail("not a FHIR resource");
        }

        var type = typeElement.GetString();
        if (type == "OperationOutcome")
        {
            return EvidenceResult.Fail("the EHR reported an error (OperationOutcome)");
        }
        if (type == "Bundle")
        {
            return expectedType is null or "Bundle" ? ReadBundle(value, relevance) : EvidenceResult.Fail($"expected {expectedType}, got Bundle");
        }
        if (expectedType is not null && expectedType != type)
        {
            return EvidenceResult.Fail($"expected {expectedType}, got {type}");
        }

        if (relevance is not null && ResultScreen.CannotMatter(value, relevance))
        {
            return EvidenceResult.None;
        }
        var resource = FhirResourceParser.TryParse(value, out var problem);
        return resource is null ? EvidenceResult.Fail(problem!) : EvidenceResult.Of([resource]);
    }

    /// <summary>The JSON of each <c>entry.resource</c> of a Bundle.</summary>
    public static IEnumerable<JsonElement> EntryResources(JsonElement bundle) => IndexedEntryResources(bundle).Select(entry => entry.Resource);

    /// <summary>Each <c>entry.resource</c> with the index of its entry (for messages that name it).</summary>
    public static IEnumerable<(int Index, JsonElement Resource)> IndexedEntryResources(JsonElement bundle) =>
        Items(bundle, "entry")
            .Select((entry, index) => (index, entry))
            .Where(e => e.entry.ValueKind == JsonValueKind.Object && e.entry.TryGetProperty("resource", out _))
            .Select(e => (e.index, e.entry.GetProperty("resource")));

    private static EvidenceResult ReadBundle(JsonElement bundle, ResultRelevance? relevance)
    {
        var resources = new List<Resource>();
        foreach (var json in EntryResources(bundle))
        {
            if (IsOperationOutcome(json))
            {
                if (HasError(json))
                {
                    return EvidenceResult.Fail("the EHR reported an error inside the Bundle (OperationOutcome)");
                }
                continue; // informational outcomes (search.mode = outcome) are not data
            }
            if (relevance is not null && ResultScreen.CannotMatter(json, relevance))
            {
                continue;
            }

            var resource = FhirResourceParser.TryParse(json, out var problem);
            if (resource is null)
            {
                return EvidenceResult.Fail($"a Bundle entry is {problem}");
            }
            resources.Add(resource);
        }
        return EvidenceResult.Of(resources, NextLink(bundle));
    }

    private static Uri? NextLink(JsonElement bundle)
    {
        foreach (var link in Items(bundle, "link"))
        {
            if (link.ValueKind == JsonValueKind.Object
                && link.TryGetProperty("relation", out var relation) && relation.ValueKind == JsonValueKind.String && relation.GetString() == "next"
                && link.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String
                && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var next))
            {
                return next;
            }
        }
        return null;
    }

    private static bool IsOperationOutcome(JsonElement resource) =>
        resource.ValueKind == JsonValueKind.Object
        && resource.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "OperationOutcome";

    private static bool HasError(JsonElement outcome) =>
        Items(outcome, "issue").Any(issue =>
            issue.ValueKind == JsonValueKind.Object
            && issue.TryGetProperty("severity", out var severity) && severity.ValueKind == JsonValueKind.String
            && severity.GetString() is "error" or "fatal");

    /// <summary>An array member as a sequence; a lone object (as some clients send) counts as one item.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement parent, string name)
    {
        if (!parent.TryGetProperty(name, out var items))
        {
            return [];
        }
        return items.ValueKind switch
        {
            JsonValueKind.Array => items.EnumerateArray(),
            JsonValueKind.Object => [items],
            _ => [],
        };
    }
}
