using System.Text.Json;
using CdsLmn.Clinical;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// A look at a result's JSON (type, status, codes) before any Firely binding: an Observation or DiagnosticReport
/// that <see cref="ResultRelevance"/> shows cannot change the decision is left unbound. Only a well-formed verdict
/// skips: a code, coding or status of an unexpected JSON shape keeps the resource, so Firely still binds it strictly
/// and an unreadable result is never taken for "none".
/// </summary>
internal static class ResultScreen
{
    public static bool CannotMatter(JsonElement resource, ResultRelevance relevance)
    {
        if (resource.ValueKind != JsonValueKind.Object || !resource.TryGetProperty("resourceType"u8, out var type) || type.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        var isObservation = type.ValueEquals("Observation"u8);
        if (!isObservation && !type.ValueEquals("DiagnosticReport"u8))
        {
            return false;
        }
        if (resource.TryGetProperty("status"u8, out var status) && status.ValueKind == JsonValueKind.String
            && ResultRelevance.IsIgnoredStatus(status.GetString()!))
        {
            return true;
        }
        return isObservation ? ObservationCannotMatter(resource, relevance) : ReportCannotMatter(resource, relevance);
    }

    private static bool ObservationCannotMatter(JsonElement observation, ResultRelevance relevance) =>
        ConceptMatches(observation, "code"u8, relevance, static (r, system, code) => r.IsObservationCode(system, code)) == false
        && NoItemMatches(observation, "component"u8, relevance, static (component, r) => component.ValueKind == JsonValueKind.Object
            ? ConceptMatches(component, "code"u8, r, static (r, system, code) => r.IsObservationComponentCode(system, code))
            : null);

    private static bool ReportCannotMatter(JsonElement report, ResultRelevance relevance) =>
        ConceptMatches(report, "code"u8, relevance, static (r, system, code) => r.IsReportCode(system, code)) == false
        && NoItemMatches(report, "conclusionCode"u8, relevance, static (concept, r) =>
            CodingsMatch(concept, r, static (r, system, code) => r.IsReportConclusionCode(system, code)));

    /// <summary>True when the array member <paramref name="name"/> is absent or none of its items matches; false for any other shape.</summary>
    private static bool NoItemMatches(JsonElement parent, ReadOnlySpan<byte> name, ResultRelevance relevance, Func<JsonElement, ResultRelevance, bool?> matches)
    {
        if (!parent.TryGetProperty(name, out var items))
        {
            return true;
        }
        if (items.ValueKind != JsonValueKind.Array)
        {
            return false;
        }
        foreach (var item in items.EnumerateArray())
        {
            if (matches(item, relevance) != false)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Whether the CodeableConcept member <paramref name="name"/> has a matching coding; null when its shape is unexpected.</summary>
    private static bool? ConceptMatches(JsonElement parent, ReadOnlySpan<byte> name, ResultRelevance relevance, Func<ResultRelevance, string?, string?, bool> matches) =>
        parent.TryGetProperty(name, out var concept) ? CodingsMatch(concept, relevance, matches) : false;

    private static bool? CodingsMatch(JsonElement concept, ResultRelevance relevance, Func<ResultRelevance, string?, string?, bool> matches)
    {
        if (concept.ValueKind != JsonValueKind.Object)
        {
            return null;
        }
        if (!concept.TryGetProperty("coding"u8, out var codings))
        {
            return false;
        }
        if (codings.ValueKind != JsonValueKind.Array)
        {
            return null;
        }
        foreach (var coding in codings.EnumerateArray())
        {
            if (coding.ValueKind != JsonValueKind.Object || OptionalString(coding, "system"u8) is not { } system || OptionalString(coding, "code"u8) is not { } code)
            {
                return null;
            }
            if (matches(relevance, system.Value, code.Value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A string member's value (null inside when absent); null when the member is not a string.</summary>
    private static Optional? OptionalString(JsonElement parent, ReadOnlySpan<byte> name)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            return new Optional(null);
        }
        return value.ValueKind == JsonValueKind.String ? new Optional(value.GetString()) : null;
    }

    private readonly record struct Optional(string? Value);
}
