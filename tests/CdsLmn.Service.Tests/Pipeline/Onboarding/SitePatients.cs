using System.Globalization;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Pipeline.Onboarding;

/// <summary>
/// Patients for check-fhir, built from the README's example (progressive SMA, NCS without block, anti-GM1 negative,
/// CK 450 U/L) with its results dated a month ago, so the freshness windows never age them out.
/// </summary>
internal static class SitePatients
{
    public const string LocalCkCode = "http://hospital.example.org/lab|CK-TOTAL";

    /// <summary>The example as is: row 3, warning.</summary>
    public static JsonObject[] Warning(string id) => Example(id, _ => { });

    /// <summary>CK above 10 × the upper limit: rows 3–4 become information.</summary>
    public static JsonObject[] Info(string id) => Example(id, r =>
    {
        if ((string?)r["id"] == $"{id}-ck-1")
        {
            r["valueQuantity"]!["value"] = 5000;
        }
    });

    /// <summary>No LMN condition on record: the service stays silent.</summary>
    public static JsonObject[] Silent(string id) => [.. Warning(id).Where(r => (string?)r["resourceType"] != "Condition")];

    /// <summary>CK under a local lab code that the service does not know.</summary>
    public static JsonObject[] LocalCk(string id) => Example(id, r =>
    {
        if ((string?)r["id"] == $"{id}-ck-1")
        {
            var (system, code) = (LocalCkCode.Split('|')[0], LocalCkCode.Split('|')[1]);
            r["code"] = new JsonObject
            {
                ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code, ["display"] = "CK total" }),
                ["text"] = "Creatine kinase, total",
            };
        }
    });

    private static JsonObject[] Example(string id, Action<JsonObject> change)
    {
        var prefetch = TestData.Node("examples/order-select-ivig.json")["prefetch"]!.AsObject();
        var monthAgo = DateTimeOffset.UtcNow.AddDays(-30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var resources = new List<JsonObject>();
        foreach (var (_, value) in prefetch)
        {
            if (value is not JsonObject payload)
            {
                continue;
            }
            var items = (string?)payload["resourceType"] == "Bundle"
                ? payload["entry"]!.AsArray().Select(e => e!["resource"]!.DeepClone().AsObject())
                : [payload.DeepClone().AsObject()];
            foreach (var resource in items)
            {
                if ((string?)resource["resourceType"] == "Patient")
                {
                    resource["id"] = id;
                }
                else
                {
                    resource["id"] = $"{id}-{resource["id"]}";
                    resource["subject"] = new JsonObject { ["reference"] = $"Patient/{id}" };
                }
                if (resource.ContainsKey("effectiveDateTime"))
                {
                    resource["effectiveDateTime"] = monthAgo;
                }
                change(resource);
                resources.Add(resource);
            }
        }
        return [.. resources];
    }
}
