using System.Text.Json;
using CdsLmn.Service.Evidence;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Tests.Unit.Evidence;

/// <summary>The real Firely parser on what real clients send (docs/cds-hooks-spec.md §10 item 17).</summary>
public sealed class FhirResourceParserTests
{
    [Fact]
    public void ReadsTheSandboxDraftOrdersWithSingleObjectsWhereR4WantsArrays()
    {
        using var request = JsonDocument.Parse(TestData.Read("sandbox/order-select.json"));
        var draftOrders = request.RootElement.GetProperty("context").GetProperty("draftOrders");

        var bundle = FhirResourceParser.TryParse<Bundle>(draftOrders, out var problem);

        Assert.Null(problem);
        var order = Assert.IsType<MedicationRequest>(Assert.Single(bundle!.Entry).Resource);
        Assert.Equal("community", Assert.Single(order.Category).Coding[0].Code);
        Assert.Equal("230578006", Assert.Single(order.ReasonCode).Coding[0].Code);
        Assert.Equal("Immune Globulin G (Human) 100 MG/ML Injectable Solution [IVIG TEST]", Assert.IsType<CodeableConcept>(order.Medication).Text);
        Assert.Null(bundle.TypeElement);
    }

    [Fact]
    public void ReadsAMedicationReferenceAndAContainedMedication()
    {
        using var json = JsonDocument.Parse("""
            {"resourceType":"MedicationRequest","id":"mr-1","status":"draft","intent":"order",
             "subject":{"reference":"Patient/p1"},
             "contained":[{"resourceType":"Medication","id":"med","code":{"text":"Privigen 10%"}}],
             "medicationReference":{"reference":"#med","display":"Privigen"},
             "dosageInstruction":{"route":{"coding":[{"system":"http://snomed.info/sct","code":"47625008"}]}}}
            """);

        var order = FhirResourceParser.TryParse<MedicationRequest>(json.RootElement, out var problem);

        Assert.Null(problem);
        Assert.Equal("#med", Assert.IsType<ResourceReference>(order!.Medication).Reference);
        Assert.Equal("Privigen 10%", Assert.IsType<Medication>(Assert.Single(order.Contained)).Code?.Text);
        Assert.Equal("47625008", Assert.Single(order.DosageInstruction).Route?.Coding[0].Code);
    }

    [Fact]
    public void WrapsSingleObjectsInsideChoiceTypedValues()
    {
        using var json = JsonDocument.Parse("""
            {"resourceType":"Observation","status":"final","code":{"coding":{"system":"http://loinc.org","code":"51703-7"}},
             "valueCodeableConcept":{"coding":{"system":"http://snomed.info/sct","code":"260385009"}},
             "interpretation":{"coding":[{"code":"NEG"}]}}
            """);

        var observation = FhirResourceParser.TryParse<Observation>(json.RootElement, out _);

        Assert.Equal("51703-7", Assert.Single(observation!.Code.Coding).Code);
        Assert.Equal("260385009", Assert.Single(Assert.IsType<CodeableConcept>(observation.Value).Coding).Code);
        Assert.Equal("NEG", Assert.Single(observation.Interpretation).Coding[0].Code);
    }

    [Theory]
    [InlineData("""{"id":"x"}""")]
    [InlineData("""{"resourceType":"NoSuchResource","id":"x"}""")]
    [InlineData("[1,2]")]
    [InlineData("\"Patient\"")]
    public void RefusesWhatIsNotAFhirResource(string text)
    {
        using var json = JsonDocument.Parse(text);

        Assert.Null(FhirResourceParser.TryParse(json.RootElement, out var problem));
        Assert.NotNull(problem);
    }

    [Fact]
    public void RefusesAResourceOfTheWrongType()
    {
        using var json = JsonDocument.Parse("""{"resourceType":"Patient","id":"p"}""");

        Assert.Null(FhirResourceParser.TryParse<Bundle>(json.RootElement, out var problem));
        Assert.Contains("Bundle", problem, StringComparison.Ordinal);
    }
}
