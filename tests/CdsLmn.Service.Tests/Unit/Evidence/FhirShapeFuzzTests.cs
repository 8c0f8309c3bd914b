using System.Text.Json;
using System.Text.Json.Nodes;
using CdsLmn.Service.Evidence;
using Hl7.Fhir.Serialization;

namespace CdsLmn.Service.Tests.Unit.Evidence;

/// <summary>
/// Every resource type the service reads (draft orders, prefetch and FHIR answers) through every shape mutation at
/// every depth: reading it never throws, and a resource that is read can be walked whole (its properties do not
/// throw later, in the decision).
/// </summary>
public sealed class FhirShapeFuzzTests
{
    private static readonly FhirJsonSerializer Serializer = new();

    public static TheoryData<string> Payloads() => [.. SeedPayloads().Keys];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void NoShapeMutationMakesReadingThrow(string name)
    {
        var payload = SeedPayloads()[name];
        var failures = new List<string>();
        var mutations = 0;

        foreach (var path in FhirShapeMutator.Paths(payload))
        {
            foreach (var shape in FhirShapeMutator.Shapes)
            {
                if (FhirShapeMutator.Mutate(payload, path, shape) is not { } mutated)
                {
                    continue;
                }
                mutations++;
                var problem = ReadWhole(mutated);
                if (problem is not null && failures.Count < 10)
                {
                    failures.Add($"{shape} at {path}: {problem}");
                }
            }
        }

        Assert.True(mutations >= 20, $"only {mutations} mutations of {name}");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>Null when reading either refuses the payload or gives resources that serialize back; else what escaped.</summary>
    private static string? ReadWhole(JsonNode payload)
    {
        using var document = JsonDocument.Parse(payload.ToJsonString());
        try
        {
            var result = FhirPayload.Read(document.RootElement);
            foreach (var resource in result.Resources)
            {
                Serializer.SerializeToString(resource);
            }
            return null;
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }
    }

    /// <summary>The draft orders and prefetch values of the examples and sandbox captures, and the types they lack.</summary>
    private static Dictionary<string, JsonNode> SeedPayloads()
    {
        var payloads = new Dictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var fixture in new[] { "examples/order-select-ivig.json", "sandbox/order-sign.json" })
        {
            var request = TestData.Node(fixture);
            payloads[$"{fixture} draftOrders"] = request["context"]!["draftOrders"]!;
            foreach (var (key, value) in request["prefetch"]?.AsObject() ?? [])
            {
                if (value is JsonObject)
                {
                    payloads[$"{fixture} prefetch {key}"] = value;
                }
            }
        }
        payloads["other read types"] = FhirJson.Bundle(JsonNode.Parse("""
            [{"resourceType":"DiagnosticReport","id":"ncs-report","status":"final",
              "code":{"coding":[{"system":"http://loinc.org","code":"18749-2"}]},"subject":{"reference":"Patient/pma-1"},
              "effectiveDateTime":"2026-09-27","conclusionCode":[{"coding":[{"system":"http://snomed.info/sct","code":"260385009"}]}],
              "result":[{"reference":"Observation/ncs-1"}]},
             {"resourceType":"MedicationAdministration","id":"adm-1","status":"completed",
              "medicationCodeableConcept":{"coding":[{"system":"http://www.whocc.no/atc","code":"J06BA02"}],"text":"Privigen 10%"},
              "subject":{"reference":"Patient/pma-1"},"effectivePeriod":{"start":"2026-08-01T10:00:00Z","end":"2026-08-01T14:00:00Z"},
              "dosage":{"route":{"coding":[{"system":"http://snomed.info/sct","code":"47625008"}]},"dose":{"value":35,"unit":"g"}}},
             {"resourceType":"ServiceRequest","id":"sr-ncs","status":"active","intent":"order",
              "code":{"coding":[{"system":"http://loinc.org","code":"18749-2"}]},"subject":{"reference":"Patient/pma-1"},
              "authoredOn":"2026-10-01"},
             {"resourceType":"MedicationRequest","id":"mr-old","status":"completed","intent":"order",
              "subject":{"reference":"Patient/pma-1"},"authoredOn":"2026-07-01",
              "contained":[{"resourceType":"Medication","id":"med","code":{"coding":[{"system":"http://www.whocc.no/atc","code":"J06BA02"}]},
                            "ingredient":[{"itemCodeableConcept":{"text":"immunoglobulin"},"strength":{"numerator":{"value":10,"unit":"g"},"denominator":{"value":100,"unit":"mL"}}}]}],
              "medicationReference":{"reference":"#med"},
              "dosageInstruction":[{"route":{"coding":[{"system":"http://snomed.info/sct","code":"47625008"}]},
                                    "doseAndRate":[{"doseQuantity":{"value":2,"unit":"g/kg"}}]}]},
             {"resourceType":"Medication","id":"privigen","code":{"coding":[{"system":"http://www.nlm.nih.gov/research/umls/rxnorm","code":"1426680"}],"text":"Privigen"},
              "form":{"text":"solution"}}]
            """)!.AsArray().Select(n => n!).ToArray());
        return payloads;
    }
}
