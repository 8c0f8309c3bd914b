using System.Globalization;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Support;

/// <summary>
/// A patient's hook request built from examples/order-select-ivig.json (a man with progressive spinal muscular
/// atrophy and an IVIg order), with results dated relative to today so the tests never go stale.
/// </summary>
internal sealed class Scenario
{
    public const string Neuromuscular = "http://cdslmn.org/fhir/CodeSystem/neuromuscular";
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string Icd10 = "http://hl7.org/fhir/sid/icd-10-cm";

    private readonly JsonObject _body = TestData.Node("examples/order-select-ivig.json");

    public Scenario()
    {
        foreach (var key in Prefetch.Select(p => p.Key).ToList())
        {
            Prefetch[key] = null;
        }
        Prefetch["patient"] = JsonNode.Parse("""{"resourceType":"Patient","id":"pma-1","gender":"male","birthDate":"1961-03-14"}""");
        Prefetch["conditions"] = FhirJson.Bundle(FhirJson.Condition("pma-dx", Icd10, "G12.25"));
    }

    public JsonObject Prefetch => _body["prefetch"]!.AsObject();

    public JsonObject Order => _body["context"]!["draftOrders"]!["entry"]![0]!["resource"]!.AsObject();

    public static string Day(int daysAgo) => DateTimeOffset.UtcNow.AddDays(-daysAgo).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public Scenario Indication(string system, string code)
    {
        Prefetch["conditions"] = FhirJson.Bundle(FhirJson.Condition("dx-1", system, code));
        return this;
    }

    /// <summary>An explicit conduction-block finding (docs/fhir-inputs.md §3 tier 1).</summary>
    public Scenario NerveConduction(string snomedResult, int daysAgo, string protocol = "extended")
    {
        var observation = FhirJson.Observation("ncs-1", Neuromuscular, "motor-conduction-block", DateTimeOffset.UtcNow.AddDays(-daysAgo), new JsonObject
        {
            ["valueCodeableConcept"] = Coded(Snomed, snomedResult),
            ["component"] = new JsonArray(new JsonObject
            {
                ["code"] = Coded(Neuromuscular, "cb-protocol"),
                ["valueCodeableConcept"] = Coded(Neuromuscular, protocol),
            }),
        });
        Prefetch["ncsObservations"] = FhirJson.Bundle(observation);
        return this;
    }

    /// <summary>A motor segment with CMAP measurements (docs/fhir-inputs.md §3 tier 2), added to those already there.</summary>
    public Scenario Segment(string segment, double distalArea, double proximalArea, int daysAgo = 30)
    {
        JsonObject Component(string code, double value, string unit) => new()
        {
            ["code"] = Coded(Neuromuscular, code),
            ["valueQuantity"] = new JsonObject { ["value"] = value, ["unit"] = unit },
        };
        var existing = Prefetch["ncsObservations"] is JsonObject bundle ? bundle["entry"]!.AsArray().Select(e => e!["resource"]!).ToList() : [];
        var observation = FhirJson.Observation($"seg-{existing.Count + 1}", Neuromuscular, "ncs-motor-segment", DateTimeOffset.UtcNow.AddDays(-daysAgo), new JsonObject
        {
            ["component"] = new JsonArray(
                new JsonObject { ["code"] = Coded(Neuromuscular, "segment"), ["valueCodeableConcept"] = Coded(Neuromuscular, segment) },
                Component("distal-cmap-amplitude", 8.0, "mV"),
                Component("proximal-cmap-amplitude", 8.0 * proximalArea / distalArea, "mV"),
                Component("distal-cmap-area", distalArea, "mV.ms"),
                Component("proximal-cmap-area", proximalArea, "mV.ms"),
                Component("distal-cmap-duration", 6.0, "ms"),
                Component("proximal-cmap-duration", 6.5, "ms"),
                Component("distal-amplitude-lln", 6.0, "mV")),
        });
        Prefetch["ncsObservations"] = FhirJson.Bundle([.. existing, observation]);
        return this;
    }

    public Scenario AntiGm1Index(double value, int daysAgo, string? flag = null)
    {
        var json = new JsonObject
        {
            ["valueQuantity"] = new JsonObject { ["value"] = value, ["unit"] = "IV", ["system"] = "http://unitsofmeasure.org", ["code"] = "{index}" },
            ["referenceRange"] = new JsonArray(new JsonObject { ["high"] = new JsonObject { ["value"] = 29, ["unit"] = "IV" } }),
        };
        if (flag is not null)
        {
            json["interpretation"] = new JsonArray(Coded("http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation", flag));
        }
        Prefetch["antiGm1IgM"] = FhirJson.Bundle(FhirJson.Observation("gm1-1", Loinc, "51703-7", DateTimeOffset.UtcNow.AddDays(-daysAgo), json));
        return this;
    }

    public Scenario CreatineKinase(double value, int daysAgo)
    {
        Prefetch["creatineKinase"] = FhirJson.Bundle(FhirJson.Observation("ck-1", Loinc, "2157-6", DateTimeOffset.UtcNow.AddDays(-daysAgo), new JsonObject
        {
            ["valueQuantity"] = new JsonObject { ["value"] = value, ["unit"] = "U/L", ["system"] = "http://unitsofmeasure.org", ["code"] = "U/L" },
            ["referenceRange"] = new JsonArray(new JsonObject { ["low"] = new JsonObject { ["value"] = 39, ["unit"] = "U/L" }, ["high"] = new JsonObject { ["value"] = 308, ["unit"] = "U/L" } }),
        }));
        return this;
    }

    public Scenario IvigGiven(int daysAgo)
    {
        Prefetch["ivigAdministrations"] = FhirJson.Bundle(JsonNode.Parse($$"""
            {"resourceType":"MedicationAdministration","id":"adm-1","status":"completed",
             "medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"J06BA02"}],"text":"Privigen 10%"},
             "subject":{"reference":"Patient/pma-1"},"effectiveDateTime":"{{Day(daysAgo)}}"}
            """)!);
        return this;
    }

    public Scenario PendingNerveConduction()
    {
        Prefetch["pendingTests"] = FhirJson.Bundle(JsonNode.Parse("""
            {"resourceType":"ServiceRequest","id":"sr-ncs","status":"active","intent":"order",
             "code":{"coding":[{"system":"http://loinc.org","code":"18749-2"}]},"subject":{"reference":"Patient/pma-1"}}
            """)!);
        return this;
    }

    public Scenario Medication(string text, string? atc = null, string? route = "47625008")
    {
        var concept = new JsonObject { ["text"] = text };
        if (atc is not null)
        {
            concept["coding"] = new JsonArray(new JsonObject { ["system"] = "http://www.whocc.no/atc", ["code"] = atc });
        }
        Order["medicationCodeableConcept"] = concept;
        if (route is null)
        {
            Order.Remove("dosageInstruction");
        }
        else
        {
            Order["dosageInstruction"] = new JsonArray(new JsonObject { ["route"] = new JsonObject { ["coding"] = new JsonArray(new JsonObject { ["system"] = Snomed, ["code"] = route }) } });
        }
        return this;
    }

    public Scenario Without(string key)
    {
        Prefetch.Remove(key);
        return this;
    }

    public Scenario Set(string member, JsonNode? value)
    {
        _body[member] = value;
        return this;
    }

    public JsonObject OrderSign()
    {
        var sign = (JsonObject)_body.DeepClone();
        sign["hook"] = "order-sign";
        sign["context"]!.AsObject().Remove("selections");
        return sign;
    }

    public JsonObject OrderSelect() => (JsonObject)_body.DeepClone();

    /// <summary>The README's patient: no conduction block, anti-GM1 IgM negative, CK raised — a warning card (row 3).</summary>
    public static Scenario Warning() =>
        new Scenario().NerveConduction("260385009", daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);

    /// <summary>The request without prefetch, naming <paramref name="ehr"/> as its FHIR server (serve it with <see cref="FakeEhr.ServeScenario"/>).</summary>
    public static JsonObject WithoutPrefetch(FakeEhr ehr, JsonObject body)
    {
        body.Remove("prefetch");
        body["fhirServer"] = ehr.FhirBase;
        body["fhirAuthorization"] = JsonNode.Parse("""{"access_token":"at-51c0","token_type":"Bearer","expires_in":300,"scope":"patient/*.read","subject":"cdslmn"}""");
        return body;
    }

    private static JsonObject Coded(string system, string code) =>
        new() { ["coding"] = new JsonArray(new JsonObject { ["system"] = system, ["code"] = code }) };
}
