using System.Net;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>
/// The same patient through prefetch and through the FHIR server (docs/cds-hooks-spec.md §10 items 19, 25, 27):
/// the advice must not depend on how the evidence arrived, and a server we cannot read never yields a warning.
/// </summary>
public sealed class FhirFallbackHookTests : IClassFixture<AppFixture<Profiles.NoBreaker>>
{
    private readonly CdsLmnApp _app;

    public FhirFallbackHookTests(AppFixture<Profiles.NoBreaker> appFixture)
    {
        _app = appFixture.App;
        _app.Ehr.Reset(); // each test serves its own answers and counts its own requests
    }

    [Fact]
    public async Task GivesTheSameAdviceFromTheFhirServerAsFromPrefetch()
    {
        var scenario = Scenario.Warning();
        var viaPrefetch = await DecisionAsync(scenario.OrderSelect());

        _app.Ehr.ServeScenario(scenario.Prefetch);
        var viaServer = await DecisionAsync(Scenario.WithoutPrefetch(_app.Ehr, scenario.OrderSelect()));

        Assert.Equal(viaPrefetch, viaServer);
        Assert.Contains("\"row\":3", viaServer, StringComparison.Ordinal);
        Assert.Contains(_app.Ehr.Server.LogEntries, e => e.RequestMessage.Path == "/fhir/Observation");
    }

    [Fact]
    public async Task SendsNothingToTheServerWhenTheOrderIsNotIvig()
    {
        var scenario = new Scenario().Medication("Labetalol hydrochloride 300 MG Oral Tablet");
        _app.Ehr.ServeScenario(scenario.Prefetch);

        using var response = await PostAsync(Scenario.WithoutPrefetch(_app.Ehr, scenario.OrderSelect()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"cards":[]}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(_app.Ehr.Server.LogEntries);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(401)]
    public async Task AnswersPreconditionFailedNotAWarningWhenTheServerFails(int status)
    {
        var scenario = Scenario.Warning();
        _app.Ehr.ServeScenario(scenario.Prefetch);
        _app.Ehr.ServeRaw("Observation", "{}", status);

        using var response = await PostAsync(Scenario.WithoutPrefetch(_app.Ehr, scenario.OrderSelect()));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Contains("antiGm1IgM", diagnostics, StringComparison.Ordinal);
        Assert.True(diagnostics.Contains($"answered {status}", StringComparison.Ordinal), diagnostics);
    }

    [Fact]
    public async Task AnswersPreconditionFailedWhenAFetchedResourceMakesFirelyThrow()
    {
        var scenario = new Scenario().NerveConduction("260385009", daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);
        ServeAsFhirServer(scenario.Prefetch);
        var observation = scenario.Prefetch["antiGm1IgM"]!["entry"]![0]!["resource"]!.DeepClone();
        observation["contained"] = JsonNode.Parse("""{"resourceType":"Specimen","id":"serum"}""");
        _app.Ehr.Serve("Observation", FhirJson.Bundle(observation));

        using var response = await PostAsync(WithoutPrefetch(scenario.OrderSelect()));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Contains("antiGm1IgM", diagnostics, StringComparison.Ordinal);
        Assert.Contains("Observation", diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("patient/*.read")]
    [InlineData("user/*.rs")]
    [InlineData("system/*.*")]
    [InlineData("launch openid patient/Patient.read patient/Condition.read patient/Observation.read patient/DiagnosticReport.read patient/ServiceRequest.read patient/MedicationAdministration.read patient/MedicationRequest.read")]
    [InlineData("patient/Patient.r patient/Condition.rs patient/Observation.s patient/DiagnosticReport.s patient/ServiceRequest.s patient/MedicationAdministration.s patient/MedicationRequest.s")]
    public async Task QueriesWhatTheScopeGrants(string scope)
    {
        var scenario = new Scenario().NerveConduction("260385009", daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);
        ServeAsFhirServer(scenario.Prefetch);

        var decision = await DecisionAsync(WithScope(WithoutPrefetch(scenario.OrderSelect()), scope));

        Assert.Contains("\"row\":3", decision, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("patient/Patient.read patient/Condition.read", "search of Observation")]
    [InlineData("patient/*.write", "search of Observation")]
    [InlineData("patient/Observation.r patient/Patient.rs patient/Condition.rs", "search of Observation")]
    [InlineData("patient/Observation.rs?category=laboratory patient/Patient.rs patient/Condition.rs", "search of Observation")]
    [InlineData("patient/Observation.rs patient/Condition.rs", "read of Patient")]
    [InlineData("openid fhirUser", "search of Observation")]
    [InlineData("", "search of Observation")]
    public async Task TreatsWhatTheScopeDoesNotGrantAsMissingWithoutAsking(string scope, string reason)
    {
        var scenario = new Scenario().NerveConduction("260385009", daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);
        ServeAsFhirServer(scenario.Prefetch);

        using var response = await PostAsync(WithScope(WithoutPrefetch(scenario.OrderSelect()), scope));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Contains($"fhirAuthorization.scope grants no {reason}", diagnostics, StringComparison.Ordinal);
        var type = reason.Split(' ')[^1];
        Assert.DoesNotContain(_app.Ehr.Server.LogEntries, e => e.RequestMessage.Path.StartsWith($"/fhir/{type}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UsesPrefetchWhateverTheScopeSays()
    {
        var scenario = new Scenario().NerveConduction("260385009", daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);
        var body = WithScope(scenario.OrderSelect(), "openid");
        body["fhirServer"] = _app.Ehr.FhirBase;

        var decision = await DecisionAsync(body);

        Assert.Contains("\"row\":3", decision, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersPreconditionFailedForAServerOffTheAllowlist()
    {
        var scenario = Scenario.Warning();
        var body = Scenario.WithoutPrefetch(_app.Ehr, scenario.OrderSelect());
        body["fhirServer"] = $"http://127.0.0.2:{_app.Ehr.Server.Port}/fhir";

        using var response = await PostAsync(body);

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Contains("allowlist", diagnostics, StringComparison.Ordinal);
        Assert.Empty(_app.Ehr.Server.LogEntries);
    }

    private void ServeAsFhirServer(JsonObject prefetch)
    {
        _app.Ehr.ServeEmptySearches();
        // Every Observation key is one search; serve their union, as a real server would filter by code.
        var observations = new[] { "ncsObservations", "antiGm1IgM", "creatineKinase" }
            .Where(key => prefetch[key] is JsonObject)
            .SelectMany(key => prefetch[key]!["entry"]!.AsArray().Select(e => e!["resource"]!))
            .ToArray();
        _app.Ehr.Serve("Observation", FhirJson.Bundle(observations));
        _app.Ehr.Serve("Condition", prefetch["conditions"]!);
        _app.Ehr.Serve("Patient/pma-1", prefetch["patient"]!);
    }

    private JsonObject WithoutPrefetch(JsonObject body)
    {
        body.Remove("prefetch");
        body["fhirServer"] = _app.Ehr.FhirBase;
        body["fhirAuthorization"] = JsonNode.Parse("""{"access_token":"at-51c0","token_type":"Bearer","expires_in":300,"scope":"patient/*.read","subject":"cdslmn"}""");
        return body;
    }

    private static JsonObject WithScope(JsonObject body, string scope)
    {
        body["fhirAuthorization"] = JsonNode.Parse($$"""{"access_token":"at-51c0","token_type":"Bearer","expires_in":300,"scope":"{{scope}}","subject":"cdslmn"}""");
        return body;
    }

    private async Task<HttpResponseMessage> PostAsync(JsonObject body) =>
        await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(body));

    /// <summary>The card's decision trace and indicator: what must not depend on where the evidence came from.</summary>
    private async Task<string> DecisionAsync(JsonObject body)
    {
        using var response = await PostAsync(body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var card = JsonNode.Parse(text)!["cards"]!.AsArray().Single()!;
        return $"{card["indicator"]} {card["summary"]} {card["extension"]!.ToJsonString()}";
    }
}
