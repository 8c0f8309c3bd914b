using System.Net;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Pipeline.Stewardship.Postgres;

/// <summary>
/// A replica stopped with SIGTERM (a rolling update, a scale-down) finishes the call it is serving and writes its
/// queued cards to the shared database before it exits: the real service as a child process.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresDrainTests(PostgresCluster cluster)
{
    [Fact]
    public async Task SigtermFinishesTheCallInFlightAndWritesItsCard()
    {
        var connectionString = await cluster.CreateDatabaseAsync("drain");
        var scenario = Scenario.Warning();
        var observations = new WithheldAnswer();
        using var ehr = new FakeEhr().ServeScenario(scenario.Prefetch, withheldObservations: observations);
        using var service = await ChildService.StartAsync(new Dictionary<string, string>
        {
            ["CdsLmn__Storage__Provider"] = "Postgres",
            ["ConnectionStrings__CdsLmn"] = connectionString,
            ["CdsLmn__Fhir__TimeoutSeconds"] = "20",
            ["CdsLmn__Fhir__AttemptTimeoutSeconds"] = "20",
        });

        var call = service.Client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Scenario.WithoutPrefetch(ehr, scenario.OrderSelect())));
        await observations.Requested.WaitAsync(TimeSpan.FromSeconds(30)); // the hook call reached the FHIR server
        service.Terminate(); // while the call waits for its observations
        await service.PrintedAsync("Application is shutting down");
        observations.Release();

        using var response = await call;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]![0]!["uuid"];
        await service.WaitForExitAsync();
        Assert.True(service.ExitCode == 0, service.Output);
        Assert.Equal(1, await Database.ScalarAsync(connectionString, "SELECT COUNT(*) FROM issued_card WHERE card_uuid = @card", ("card", card!)));
    }
}
