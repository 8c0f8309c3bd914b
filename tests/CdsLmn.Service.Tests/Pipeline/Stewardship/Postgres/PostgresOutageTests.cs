using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdsLmn.Service.Stewardship;
using Microsoft.Extensions.DependencyInjection;

namespace CdsLmn.Service.Tests.Pipeline.Stewardship.Postgres;

/// <summary>
/// The database stops and starts again under running replicas: readiness turns red, calls that need the database
/// answer 503 with an OperationOutcome (never a 500, never a hang, never an acknowledgement of a lost entry), calls that
/// do not still work, and everything recovers by itself when the database is back.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresOutageTests(PostgresCluster cluster)
{
    [Fact]
    public async Task OutageFailsReadinessAnswers503AndRecoversWithoutLosingCards()
    {
        var connectionString = await cluster.CreateDatabaseAsync("outage");
        await using var replicas = await Replicas.StartAsync(connectionString, 2);
        await using var open = Replicas.Replica(connectionString, clientKey: null); // authentication disabled
        _ = open.Server;
        await Replicas.WaitForReadinessAsync([.. replicas.All, open], HttpStatusCode.OK);
        var (a, b) = (replicas[0], replicas[1]);
        string? queuedCard;

        await cluster.StopAsync();
        try
        {
            // B has not noticed yet: its feedback fails on the connection, is not acknowledged, and B notices.
            using (var feedback = await Replicas.PostAsync(b, FeedbackBodies.SelectFeedbackUrl, Feedback(), replicas.Token(FeedbackBodies.SelectFeedbackUrl)))
            {
                await IsUnavailableAsync(feedback);
            }
            await Replicas.WaitForReadinessAsync([a], HttpStatusCode.ServiceUnavailable);

            // Replay protection fails closed: without the jti record no token is accepted.
            foreach (var replica in new[] { a, b })
            {
                using var hook = await Replicas.PostAsync(replica, TestData.OrderSelectUrl, TestData.Node("sandbox/order-select.json"), replicas.Token(TestData.OrderSelectUrl));
                await IsUnavailableAsync(hook);
            }
            using (var feedback = await Replicas.PostAsync(a, FeedbackBodies.SelectFeedbackUrl, Feedback(), replicas.Token(FeedbackBodies.SelectFeedbackUrl)))
            {
                await IsUnavailableAsync(feedback);
            }

            // A replica without client authentication needs no database to advise: the card waits in its queue.
            using var advice = await Replicas.PostAsync(open, TestData.OrderSelectUrl, Scenario.Warning().OrderSelect(), token: null);
            Assert.Equal(HttpStatusCode.OK, advice.StatusCode);
            queuedCard = (string?)JsonNode.Parse(await advice.Content.ReadAsStringAsync())!["cards"]![0]!["uuid"];
        }
        finally
        {
            await cluster.StartAsync();
        }

        await Replicas.WaitForReadinessAsync([a, b, open], HttpStatusCode.OK);
        using (var hook = await Replicas.PostAsync(a, TestData.OrderSelectUrl, TestData.Node("sandbox/order-select.json"), replicas.Token(TestData.OrderSelectUrl)))
        {
            Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
        }
        using (var feedback = await Replicas.PostAsync(b, FeedbackBodies.SelectFeedbackUrl, Feedback(), replicas.Token(FeedbackBodies.SelectFeedbackUrl)))
        {
            Assert.Equal(1, (await feedback.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32());
        }
        await open.Services.GetRequiredService<ICardLedger>().FlushAsync(CancellationToken.None);
        Assert.Equal(1, await Database.ScalarAsync(connectionString, "SELECT COUNT(*) FROM issued_card WHERE card_uuid = @card", ("card", queuedCard!)));
    }

    private static JsonObject Feedback() => FeedbackBodies.Body(FeedbackBodies.Overridden(FeedbackBodies.NewUuid(), code: "outage"));

    /// <summary>503, <c>Retry-After</c>, and an OperationOutcome saying the database cannot be reached.</summary>
    private static async Task IsUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var issue = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["issue"]![0]!;
        Assert.Equal("transient", (string?)issue["code"]);
        Assert.Contains("audit database cannot be reached", (string?)issue["diagnostics"], StringComparison.Ordinal);
    }
}
