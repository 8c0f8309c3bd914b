using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdsLmn.Service.CdsHooks.Auth;
using CdsLmn.Service.Commands;
using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Stewardship.Postgres;
using Microsoft.Extensions.DependencyInjection;

namespace CdsLmn.Service.Tests.Pipeline.Stewardship.Postgres;

/// <summary>
/// Issue 13: three replicas over one PostgreSQL database behave as one service — a token is accepted once whichever
/// replica sees it, and a card is counted once whichever replica issued it and whichever received its feedback.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReplicaTests(PostgresCluster cluster) : IAsyncLifetime
{
    private string _connectionString = "";
    private Replicas _replicas = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await cluster.CreateDatabaseAsync("replicas");
        _replicas = await Replicas.StartAsync(_connectionString, 3);
    }

    public async Task DisposeAsync() => await _replicas.DisposeAsync();

    private static JsonNode SandboxCall() => TestData.Node("sandbox/order-select.json");

    [Fact]
    public async Task TokenAcceptedByOneReplicaIsRefusedByTheOthers()
    {
        var token = _replicas.Token(TestData.OrderSelectUrl);

        using var a = await Replicas.PostAsync(_replicas[0], TestData.OrderSelectUrl, SandboxCall(), token);
        using var b = await Replicas.PostAsync(_replicas[1], TestData.OrderSelectUrl, SandboxCall(), token);
        using var c = await Replicas.PostAsync(_replicas[2], TestData.OrderSelectUrl, SandboxCall(), token);

        await AuthCalls.IsSilentOkAsync(a);
        await AuthCalls.IsUnauthorizedAsync(b);
        await AuthCalls.IsUnauthorizedAsync(c);
    }

    [Fact]
    public async Task CopiesOfOneTokenSentToEveryReplicaAtOnceAreAcceptedOnce()
    {
        var token = _replicas.Token(TestData.OrderSelectUrl);

        var responses = await Task.WhenAll(Enumerable.Range(0, 9)
            .Select(i => Task.Run(() => Replicas.PostAsync(_replicas[i % 3], TestData.OrderSelectUrl, SandboxCall(), token))));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(8, responses.Count(r => r.StatusCode == HttpStatusCode.Unauthorized));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    [Fact]
    public async Task FeedbackSentToAnyReplicaIsStoredAndCountedOnce()
    {
        // Other tests of this class store cards of other days: report on the days around this one.
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var period = new ReportPeriod(today, today.AddDays(1));
        var call = Scenario.Warning().OrderSelect();
        using var issued = await Replicas.PostAsync(_replicas[0], TestData.OrderSelectUrl, call, _replicas.Token(TestData.OrderSelectUrl));
        var card = (string)JsonNode.Parse(await issued.Content.ReadAsStringAsync())!["cards"]![0]!["uuid"]!;
        await _replicas[0].Services.GetRequiredService<ICardLedger>().FlushAsync(CancellationToken.None);

        var feedback = FeedbackBodies.Body(FeedbackBodies.Overridden(card, code: "specialist-trial"));
        using var toB = await Replicas.PostAsync(_replicas[1], FeedbackBodies.SelectFeedbackUrl, feedback.DeepClone(), _replicas.Token(FeedbackBodies.SelectFeedbackUrl));
        using var toC = await Replicas.PostAsync(_replicas[2], FeedbackBodies.SelectFeedbackUrl, feedback.DeepClone(), _replicas.Token(FeedbackBodies.SelectFeedbackUrl));

        Assert.Equal(1, (await toB.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32());
        Assert.Equal(0, (await toC.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("stored").GetInt32());
        var summary = await _replicas[2].Services.GetRequiredService<IStewardshipQuery>().SummarizeAsync(period, CancellationToken.None);
        var row = Assert.Single(summary.Rows);
        Assert.Equal((3, 1, 1, 0), (row.DecisionRow, row.Shown, row.Overridden, row.WithoutFeedback));
        Assert.Equal(new LabelCount("Reason specialist-trial", 1), Assert.Single(row.OverrideReasons));
        Assert.Empty(summary.UnknownCardFeedback);

        // The report command, run against the database, sees the same.
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CdsLmnCommandLine.RunAsync(["report", "--from", $"{period.From:yyyy-MM-dd}", "--to", $"{period.To:yyyy-MM-dd}", "--format", "json"], output, error, new Dictionary<string, string?>
        {
            ["CdsLmn:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:CdsLmn"] = _connectionString,
        });
        Assert.True(exit == 0, error.ToString());
        var reported = JsonNode.Parse(output.ToString())!["rows"]![0]!;
        Assert.Equal((1, 1), ((int)reported["shown"]!, (int)reported["overridden"]!));
    }

    [Fact]
    public async Task TheReportFromPostgresEqualsTheReportFromSqliteOnTheSameData()
    {
        var march = new ReportPeriod(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));
        await SeededStore.SeedAsync(_replicas[1].Services.GetRequiredService<ICardLedger>());
        await using var sqlite = new CdsLmnApp();
        await SeededStore.SeedAsync(sqlite.Services.GetRequiredService<ICardLedger>());

        var fromPostgres = await _replicas[2].Services.GetRequiredService<IStewardshipQuery>().SummarizeAsync(march, CancellationToken.None);
        var fromSqlite = await sqlite.Services.GetRequiredService<IStewardshipQuery>().SummarizeAsync(march, CancellationToken.None);

        Assert.Equal(4, fromPostgres.Rows.Count);
        Assert.Equal(ReportFormatter.Format(fromSqlite, ReportFormat.Json), ReportFormatter.Format(fromPostgres, ReportFormat.Json));
    }

    [Fact]
    public async Task ExpiredReplayRowsArePurgedAndUnexpiredOnesKept()
    {
        var cache = _replicas[0].Services.GetRequiredService<IJtiReplayCache>();
        var now = DateTimeOffset.UtcNow;
        Assert.True(await cache.TryRecordAsync("https://purge.example.org", "expired", now.AddMinutes(-1), CancellationToken.None));
        Assert.True(await cache.TryRecordAsync("https://purge.example.org", "live", now.AddMinutes(5), CancellationToken.None));

        await JtiReplayTable.PurgeExpiredAsync(_replicas[0].Services.GetRequiredService<PostgresStore>(), now, CancellationToken.None);

        Assert.Equal(1, await Database.ScalarAsync(_connectionString, "SELECT COUNT(*) FROM jti_replay WHERE issuer = 'https://purge.example.org' AND jti = 'live'"));
        Assert.Equal(1, await Database.ScalarAsync(_connectionString, "SELECT COUNT(*) FROM jti_replay WHERE issuer = 'https://purge.example.org'"));
        Assert.False(await cache.TryRecordAsync("https://purge.example.org", "live", now.AddMinutes(5), CancellationToken.None));
    }

    [Fact]
    public async Task RetentionDeletesOnlyRowsOlderThanTheCutoff()
    {
        var ledger = _replicas[0].Services.GetRequiredService<ICardLedger>();
        var now = DateTimeOffset.UtcNow;
        ledger.RecordIssued(IssuedCards.Retention(now.AddDays(-800)));
        ledger.RecordIssued(IssuedCards.Retention(now.AddDays(-10)));
        await ledger.FlushAsync(CancellationToken.None);
        var before = await Database.ScalarAsync(_connectionString, "SELECT COUNT(*) FROM issued_card WHERE service_id = 'retention'");

        await IssuedCards.Maintenance(_replicas[0]).PurgeOlderThanAsync(now.AddDays(-730), CancellationToken.None);

        Assert.Equal(2, before);
        Assert.Equal(1, await Database.ScalarAsync(_connectionString, "SELECT COUNT(*) FROM issued_card WHERE service_id = 'retention'"));
    }
}
