using System.Net;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Hooks;

/// <summary>A FHIR server that keeps failing is left alone for a while (one breaker per server).</summary>
public sealed class CircuitBreakerTests : IClassFixture<CircuitBreakerTests.TrippyAppFactory>, IDisposable
{
    private readonly TrippyAppFactory _app;
    private readonly FakeEhr _ehr = new();

    public CircuitBreakerTests(TrippyAppFactory app)
    {
        _app = app;
    }

    public void Dispose() => _ehr.Dispose();

    [Fact]
    public async Task StopsCallingAFailingServerAndSaysSo()
    {
        _ehr.ServeRaw("Condition", "{}", 503);
        var body = Scenario.Warning()
            .Without("conditions").Set("fhirServer", JsonValue.Create(_ehr.FhirBase)).OrderSelect();
        var client = _app.CreateClient();

        using var first = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(body));
        await OperationOutcomeAssert.IsOutcomeAsync(first, HttpStatusCode.PreconditionFailed);
        var callsWhileClosed = _ehr.Server.LogEntries.Count();

        using var second = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(body));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(second, HttpStatusCode.PreconditionFailed);
        Assert.Contains("circuit open", diagnostics, StringComparison.Ordinal);
        Assert.Equal(callsWhileClosed, _ehr.Server.LogEntries.Count());
    }

    public sealed class TrippyAppFactory : CdsLmnAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
        {
            ["CdsLmn:Fhir:BreakerMinimumCalls"] = "2",
            ["CdsLmn:Fhir:BreakerOpenSeconds"] = "60",
        };
    }
}
