using System.Text.Json;
using CdsLmn.Clinical;
using CdsLmn.Service.Evidence;

namespace CdsLmn.Service.Tests.Unit.Evidence;

/// <summary>
/// The JSON screen before Firely binding skips only results no finding would read (docs/fhir-inputs.md §3–§5), and
/// keeps anything whose shape it cannot judge, so Firely still binds it strictly.
/// </summary>
public sealed class ResultScreenTests
{
    private static readonly ResultRelevance Defaults = new(new ClinicalOptions());

    [Theory]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]}}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"text":"Anti-GM1 IgM"}}""")]
    [InlineData("""{"resourceType":"Observation","status":"final"}""")]
    [InlineData("""{"resourceType":"Observation","status":"entered-in-error","code":{"coding":[{"system":"http://loinc.org","code":"51703-7"}]}}""")]
    [InlineData("""{"resourceType":"Observation","status":"cancelled","code":{"coding":[{"system":"http://loinc.org","code":"2157-6"}]}}""")]
    [InlineData("""{"resourceType":"DiagnosticReport","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"24323-8"}]},"conclusionCode":[{"coding":[{"system":"http://snomed.info/sct","code":"17621005"}]}]}""")]
    public void SkipsResultsNoFindingReads(string json) => Assert.True(Screen(json));

    [Theory]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"},{"system":"http://loinc.org","code":"51703-7"}]}}""")]
    [InlineData("""{"resourceType":"Observation","status":"preliminary","code":{"coding":[{"system":"http://loinc.org","code":"2157-6"}]}}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://cdslmn.org/fhir/CodeSystem/neuromuscular","code":"motor-conduction-block"}]}}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://cdslmn.org/fhir/CodeSystem/neuromuscular","code":"ncs-motor-segment"}]}}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"18749-2"}]}}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"94500-6"}]},"component":[{"code":{"coding":[{"system":"http://loinc.org","code":"51703-7"}]}}]}""")]
    [InlineData("""{"resourceType":"DiagnosticReport","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"18749-2"}]}}""")]
    [InlineData("""{"resourceType":"DiagnosticReport","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"24323-8"}]},"conclusionCode":[{"coding":[{"system":"http://cdslmn.org/fhir/CodeSystem/neuromuscular","code":"motor-conduction-block"}]}]}""")]
    [InlineData("""{"resourceType":"Condition","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]}}""")]
    public void KeepsResultsAFindingReads(string json) => Assert.False(Screen(json));

    [Theory]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":{"system":"http://loinc.org","code":"29463-7"}}}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":29463}]}}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":"29463-7"}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":["29463-7"]}}""")]
    [InlineData("""{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"29463-7"}]},"component":{"code":{"text":"x"}}}""")]
    [InlineData("""{"resourceType":"Observation","status":"Entered-In-Error","code":{"coding":[{"system":"http://loinc.org","code":"51703-7"}]}}""")]
    [InlineData("""{"resourceType":"DiagnosticReport","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"24323-8"}]},"conclusionCode":{"coding":[]}}""")]
    public void KeepsWhatItCannotJudgeForFirelyToBindStrictly(string json) => Assert.False(Screen(json));

    [Fact]
    public void FollowsTheConfiguredCodes()
    {
        var options = new ClinicalOptions();
        options.CreatineKinase.Codes = ["http://lab.example.org|CK-TOTAL"];
        var relevance = new ResultRelevance(options);
        const string Local = """{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://lab.example.org","code":"CK-TOTAL"}]}}""";
        const string Loinc = """{"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"2157-6"}]}}""";

        Assert.False(Screen(Local, relevance));
        Assert.True(Screen(Loinc, relevance));
    }

    private static bool Screen(string json, ResultRelevance? relevance = null)
    {
        using var document = JsonDocument.Parse(json);
        return ResultScreen.CannotMatter(document.RootElement, relevance ?? Defaults);
    }
}
