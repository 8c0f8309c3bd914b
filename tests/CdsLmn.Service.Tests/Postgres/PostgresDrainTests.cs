using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CdsLmn.Service.Tests.Hooks;

namespace CdsLmn.Service.Tests.Postgres;

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
        using var ehr = new FakeEhr().ServeScenario(scenario.Prefetch, observationDelay: TimeSpan.FromSeconds(2));
        using var service = await ChildService.StartAsync(new Dictionary<string, string>
        {
            ["CdsLmn__Storage__Provider"] = "Postgres",
            ["ConnectionStrings__CdsLmn"] = connectionString,
            ["CdsLmn__Fhir__TimeoutSeconds"] = "20",
            ["CdsLmn__Fhir__AttemptTimeoutSeconds"] = "20",
        });

        var call = service.Client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Scenario.WithoutPrefetch(ehr, scenario.OrderSelect())));
        var waited = Stopwatch.StartNew();
        while (!ehr.PathsRequested().Contains("/fhir/Observation"))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(20), "the hook call never reached the FHIR server");
            await Task.Delay(20);
        }
        service.Terminate(); // while the call waits for its observations

        using var response = await call;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]![0]!["uuid"];
        await service.WaitForExitAsync();
        Assert.True(service.ExitCode == 0, service.Output);
        Assert.Equal(1, await Database.ScalarAsync(connectionString, "SELECT COUNT(*) FROM issued_card WHERE card_uuid = @card", ("card", card!)));
    }
}
