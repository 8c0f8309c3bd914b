using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using CdsLmn.Service.CdsHooks.Models;
using CdsLmn.Service.Stewardship;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace CdsLmn.Service.Tests;

/// <summary>The audit store behind <see cref="ICardLedger"/>: issued cards (write-behind), feedback (durable), restarts.</summary>
public sealed class CardLedgerTests : IDisposable
{
    private readonly string _path = TestStore.NewPath();

    public void Dispose() => TestStore.Delete(_path);

    [Fact]
    public async Task RecordsAnIssuedCardWithItsSuggestionsAndOnlyAHashOfThePatient()
    {
        await using var app = new SharedStoreAppFactory(_path);
        var ledger = app.Services.GetRequiredService<ICardLedger>();
        var card = Card(shadow: false, patientId: "pma-patient-42");

        ledger.RecordIssued(card);
        await ledger.FlushAsync(CancellationToken.None);

        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM issued_card WHERE card_uuid = $c AND decision_row = 3 AND indicator = 'warning' AND shadow = 0 AND service_id = 'ivig-lmn-order-select' AND hook_instance = 'hi-1'", ("$c", card.CardUuid)));
        Assert.Equal(2, Scalar("SELECT COUNT(*) FROM issued_suggestion WHERE card_uuid = $c", ("$c", card.CardUuid)));
        Assert.Equal(card.IssuedAt.ToUnixTimeMilliseconds(), Scalar("SELECT issued_at FROM issued_card WHERE card_uuid = $c", ("$c", card.CardUuid)));
        Assert.Equal(ExpectedHash("pma-patient-42"), Text("SELECT patient_hash FROM issued_card"));
        Assert.DoesNotContain("pma-patient-42", Encoding.UTF8.GetString(await ReadStoreBytesAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordIssuedReturnsWithinAMillisecond()
    {
        await using var app = new SharedStoreAppFactory(_path);
        var ledger = app.Services.GetRequiredService<ICardLedger>();
        var cards = Enumerable.Range(0, 1000).Select(_ => Card(shadow: false)).ToList();
        ledger.RecordIssued(Card(shadow: false)); // warm-up

        var started = Stopwatch.GetTimestamp();
        foreach (var card in cards)
        {
            ledger.RecordIssued(card);
        }
        var perCall = Stopwatch.GetElapsedTime(started) / cards.Count;

        Assert.True(perCall < TimeSpan.FromMilliseconds(1), $"RecordIssued took {perCall.TotalMilliseconds} ms per call");
        await ledger.FlushAsync(CancellationToken.None);
        Assert.Equal(1001, Scalar("SELECT COUNT(*) FROM issued_card"));
    }

    [Fact]
    public async Task DrainsQueuedCardsOnGracefulStop()
    {
        const int count = 2000;
        var app = new SharedStoreAppFactory(_path);
        var ledger = app.Services.GetRequiredService<ICardLedger>(); // started: the store exists

        // Another connection holds the write lock, so nothing can be committed before the host stops.
        using var blocker = new SqliteConnection($"Data Source={_path};Pooling=False");
        blocker.Open();
        using var transaction = blocker.BeginTransaction();
        for (var i = 0; i < count; i++)
        {
            ledger.RecordIssued(Card(shadow: i % 2 == 0));
        }
        using var before = blocker.CreateCommand();
        before.CommandText = "SELECT COUNT(*) FROM issued_card";
        Assert.Equal(0L, before.ExecuteScalar());

        var stopping = app.DisposeAsync().AsTask();
        await Task.Delay(200);
        Assert.False(stopping.IsCompleted); // the stop waits for the queue to drain
        transaction.Rollback();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(count, Scalar("SELECT COUNT(*) FROM issued_card"));
        Assert.Equal(count / 2, Scalar("SELECT COUNT(*) FROM issued_card WHERE shadow = 1"));
    }

    [Fact]
    public async Task MarksFeedbackKnownWhenItsCardIsRecordedLater()
    {
        await using var app = new SharedStoreAppFactory(_path);
        var ledger = app.Services.GetRequiredService<ICardLedger>();
        var card = Card(shadow: false);

        var result = await ledger.RecordFeedbackAsync([Feedback(card.CardUuid)], CancellationToken.None);
        Assert.Equal(0, Scalar("SELECT known_card FROM feedback WHERE card_uuid = $c", ("$c", card.CardUuid)));
        ledger.RecordIssued(card);
        await ledger.FlushAsync(CancellationToken.None);

        Assert.Equal(new FeedbackResult(1, 1, 0), result);
        Assert.Equal(1, Scalar("SELECT known_card FROM feedback WHERE card_uuid = $c", ("$c", card.CardUuid)));
    }

    [Fact]
    public async Task KeepsFeedbackAndPatientHashesAcrossARestart()
    {
        var card = Card(shadow: false, patientId: "p-1");
        await using (var first = new SharedStoreAppFactory(_path))
        {
            var ledger = first.Services.GetRequiredService<ICardLedger>();
            ledger.RecordIssued(card);
            await ledger.FlushAsync(CancellationToken.None);
            using var response = await first.CreateClient().PostAsync(
                FeedbackBodies.SelectFeedbackUrl, TestData.Json(FeedbackBodies.Body(FeedbackBodies.Accepted(card.CardUuid, card.Suggestions[0].Uuid))));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var hashBefore = Text("SELECT patient_hash FROM issued_card");

        await using var second = new SharedStoreAppFactory(_path);
        var again = second.Services.GetRequiredService<ICardLedger>();
        again.RecordIssued(Card(shadow: false, patientId: "p-1"));
        await again.FlushAsync(CancellationToken.None);
        var summary = await second.Services.GetRequiredService<IStewardshipQuery>().SummarizeAsync(ReportPeriod.All, CancellationToken.None);

        var row = Assert.Single(summary.Rows);
        Assert.Equal((2, 1, 0, 1), (row.Shown, row.Accepted, row.Overridden, row.WithoutFeedback));
        Assert.Equal([new LabelCount("Cancel the IVIg order", 1)], row.AcceptedSuggestions);
        Assert.Equal(1, Scalar("SELECT COUNT(DISTINCT patient_hash) FROM issued_card"));
        Assert.Equal(hashBefore, Text("SELECT patient_hash FROM issued_card LIMIT 1"));
    }

    [Fact]
    public async Task CreatesAVersionedWalStoreUnderANewDirectory()
    {
        var nested = Path.Combine(Path.GetDirectoryName(_path)!, Guid.NewGuid().ToString("N"), "deeper", "store.db");
        try
        {
            await using (var app = new SharedStoreAppFactory(nested))
            {
                _ = app.Services.GetRequiredService<ICardLedger>(); // starts the host
            }

            Assert.Equal(Stewardship.Sqlite.SqliteSchema.LatestVersion, FeedbackBodies.Scalar(nested, "PRAGMA user_version"));
            using var connection = new SqliteConnection($"Data Source={nested};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            Assert.Equal("wal", command.ExecuteScalar());
        }
        finally
        {
            TestStore.Delete(nested);
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(nested)!)!, recursive: true);
        }
    }

    internal static IssuedCard Card(bool shadow, string patientId = "patient-1", int row = 3, string indicator = "warning", string service = "ivig-lmn-order-select", DateTimeOffset? issuedAt = null) => new()
    {
        CardUuid = Guid.NewGuid().ToString(),
        ServiceId = service,
        HookInstance = "hi-1",
        PatientId = patientId,
        DecisionRow = row,
        Indicator = indicator,
        IssuedAt = issuedAt ?? new DateTimeOffset(2025, 3, 14, 9, 30, 0, TimeSpan.Zero),
        Shadow = shadow,
        Suggestions = [new(Guid.NewGuid().ToString(), "Cancel the IVIg order"), new(Guid.NewGuid().ToString(), "Order anti-GM1 IgM")],
    };

    private static FeedbackEntry Feedback(string card) => new()
    {
        ServiceId = "ivig-lmn-order-select",
        CardUuid = card,
        Response = ClinicianResponse.Overridden,
        OutcomeAt = DateTimeOffset.UtcNow,
    };

    private string ExpectedHash(string patientId)
    {
        var salt = Convert.FromBase64String(Text("SELECT value FROM settings WHERE key = 'patient_id_salt'"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(patientId)));
    }

    private async Task<byte[]> ReadStoreBytesAsync()
    {
        using var all = new MemoryStream();
        foreach (var file in new[] { _path, _path + "-wal" }.Where(File.Exists))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            await stream.CopyToAsync(all);
        }
        return all.ToArray();
    }

    private long Scalar(string sql, params (string, object)[] parameters) => FeedbackBodies.Scalar(_path, sql, parameters);

    private string Text(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)command.ExecuteScalar()!;
    }
}
