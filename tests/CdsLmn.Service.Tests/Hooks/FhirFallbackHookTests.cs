using System.Net;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Hooks;

/// <summary>
/// The same patient through prefetch and through the FHIR server (cds-hooks-spec.md §10 items 19, 25, 27):
/// the advice must not depend on how the evidence arrived, and a server we cannot read never yields a warning.
/// </summary>
public sealed class FhirFallbackHookTests : IClassFixture<NoBreakerAppFactory>, IDisposable
{
    private readonly CdsLmnAppFactory _app;
    private readonly FakeEhr _ehr = new();

    public FhirFallbackHookTests(NoBreakerAppFactory app)
    {
        _app = app;
    }

    public void Dispose() => _ehr.Dispose();

    [Fact]
    public async Task GivesTheSameAdviceFromTheFhirServerAsFromPrefetch()
    {
        var scenario = Scenario.Warning();
        var viaPrefetch = await DecisionAsync(scenario.OrderSelect());

        _ehr.ServeScenario(scenario.Prefetch);
        var viaServer = await DecisionAsync(Scenario.WithoutPrefetch(_ehr, scenario.OrderSelect()));

        Assert.Equal(viaPrefetch, viaServer);
        Assert.Contains("\"row\":3", viaServer, StringComparison.Ordinal);
        Assert.Contains(_ehr.Server.LogEntries, e => e.RequestMessage.Path == "/fhir/Observation");
    }

    [Fact]
    public async Task SendsNothingToTheServerWhenTheOrderIsNotIvig()
    {
        var scenario = new Scenario().Medication("Labetalol hydrochloride 300 MG Oral Tablet");
        _ehr.ServeScenario(scenario.Prefetch);

        using var response = await PostAsync(Scenario.WithoutPrefetch(_ehr, scenario.OrderSelect()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"cards":[]}""", await response.Content.ReadAsStringAsync());
        Assert.Empty(_ehr.Server.LogEntries);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(401)]
    public async Task AnswersPreconditionFailedNotAWarningWhenTheServerFails(int status)
    {
        var scenario = Scenario.Warning();
        _ehr.ServeScenario(scenario.Prefetch);
        _ehr.ServeRaw("Observation", "{}", status);

        using var response = await PostAsync(Scenario.WithoutPrefetch(_ehr, scenario.OrderSelect()));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Contains("antiGm1IgM", diagnostics, StringComparison.Ordinal);
        Assert.True(diagnostics.Contains($"answered {status}", StringComparison.Ordinal), diagnostics);
    }

    [Fact]
    public async Task AnswersPreconditionFailedForAServerOffTheAllowlist()
    {
        var scenario = Scenario.Warning();
        var body = Scenario.WithoutPrefetch(_ehr, scenario.OrderSelect());
        body["fhirServer"] = $"http://127.0.0.2:{_ehr.Server.Port}/fhir";

        using var response = await PostAsync(body);

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Contains("allowlist", diagnostics, StringComparison.Ordinal);
        Assert.Empty(_ehr.Server.LogEntries);
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
