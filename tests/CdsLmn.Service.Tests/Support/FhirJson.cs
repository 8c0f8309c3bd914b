using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Support;

/// <summary>Small builders for FHIR JSON used as prefetch values and FHIR server answers.</summary>
internal static class FhirJson
{
    public static JsonObject Bundle(params JsonNode[] resources) => new()
    {
        ["resourceType"] = "Bundle",
        ["type"] = "searchset",
        ["total"] = resources.Length,
        ["entry"] = new JsonArray(resources.Select(r => (JsonNode)new JsonObject { ["resource"] = r.DeepClone() }).ToArray()),
    };

    public static JsonObject WithNext(JsonObject bundle, string nextUrl)
    {
        bundle["link"] = new JsonArray(new JsonObject { ["relation"] = "next", ["url"] = nextUrl });
        return bundle;
    }

    public static JsonObject Outcome(string severity = "error") => new()
    {
        ["resourceType"] = "OperationOutcome",
        ["issue"] = new JsonArray(new JsonObject { ["severity"] = severity, ["code"] = "processing", ["diagnostics"] = "prefetch failed" }),
    };

    public static JsonObject Condition(string id, string system, string code) => new()
    {
        ["resourceType"] = "Condition",
        ["id"] = id,
        ["clinicalStatus"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = "http://terminology.hl7.org/CodeSystem/condition-clinical", ["code"] = "active" }) },
        ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) },
        ["subject"] = new JsonObject { ["reference"] = "Patient/pma-1" },
    };

    public static JsonObject Observation(string id, string system, string code, DateTimeOffset date, JsonObject value) 
    {
        var observation = new JsonObject
        {
            ["resourceType"] = "Observation",
            ["id"] = id,
            ["status"] = "final",
            ["code"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) },
            ["subject"] = new JsonObject { ["reference"] = "Patient/pma-1" },
            ["effectiveDateTime"] = date.ToString("yyyy-MM-dd"),
        };
        foreach (var (key, node) in value)
        {
            observation[key] = node?.DeepClone();
        }
        return observation;
    }

    public static JsonObject Medication(string id, string text) => new()
    {
        ["resourceType"] = "Medication",
        ["id"] = id,
        ["code"] = new JsonObject { ["text"] = text },
    };
}
