using System.Net;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>
/// Results no finding reads are left unbound: one that Firely could not read no longer blocks the decision, while
/// an unreadable result the decision does read still answers 412 (unreadable is never "none").
/// </summary>
public sealed class UnusedResultTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private readonly CdsLmnApp _app = appFixture.App;

    [Fact]
    public async Task AnUnreadableResultNoFindingReadsDoesNotBlockTheDecision()
    {
        var body = WithSecondObservation("29463-7", """{"value":"heavy","unit":"kg"}""");

        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"row\":3", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Observation/extra-1", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreadableResultAFindingReadsIsStillAPreconditionFailure()
    {
        var body = WithSecondObservation("2157-6", """{"value":"heavy","unit":"U/L"}""");

        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(body));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Contains("creatineKinase", diagnostics, StringComparison.Ordinal);
    }

    private static JsonObject WithSecondObservation(string loinc, string quantity)
    {
        var scenario = new Scenario().NerveConduction("260385009", daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);
        var extra = FhirJson.Observation("extra-1", Scenario.Loinc, loinc, DateTimeOffset.UtcNow.AddDays(-10), new JsonObject { ["valueQuantity"] = JsonNode.Parse(quantity) });
        scenario.Prefetch["creatineKinase"]!["entry"]!.AsArray().Add(new JsonObject { ["resource"] = extra });
        return scenario.OrderSelect();
    }
}
