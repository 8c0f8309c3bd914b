using System.Net;
using System.Security.Cryptography;
using System.Text;
using CdsLmn.Service.CdsHooks.Models;
using CdsLmn.Service.Stewardship;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CdsLmn.Service.Tests.Pipeline.Stewardship;

/// <summary>The audit store behind <see cref="ICardLedger"/>: issued cards (write-behind), feedback (durable), restarts.</summary>
public sealed class CardLedgerTests : IDisposable
{
    private readonly string _path = TestStore.NewPath();

    public void Dispose() => TestStore.Delete(_path);

    [Fact]
    public async Task RecordsAnIssuedCardWithItsSuggestionsAndOnlyAHashOfThePatient()
    {
        await using var app = new CdsLmnApp(OnTheStore(_path));
        var ledger = app.Services.GetRequiredService<ICardLedger>();
        var card = IssuedCards.Card(shadow: false, patientId: "pma-patient-42");

        ledger.RecordIssued(card);
        await ledger.FlushAsync(CancellationToken.None);

        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM issued_card WHERE card_uuid = $c AND decision_row = 3 AND indicator = 'warning' AND shadow = 0 AND service_id = 'ivig-lmn-order-select' AND hook_instance = 'hi-1'", ("$c", card.CardUuid)));
        Assert.Equal(2, Scalar("SELECT COUNT(*) FROM issued_suggestion WHERE card_uuid = $c", ("$c", card.CardUuid)));
        Assert.Equal(card.IssuedAt.ToUnixTimeMilliseconds(), Scalar("SELECT issued_at FROM issued_card WHERE card_uuid = $c", ("$c", card.CardUuid)));
        Assert.Equal(ExpectedHash("pma-patient-42"), Text("SELECT patient_hash FROM issued_card"));
        Assert.DoesNotContain("pma-patient-42", Encoding.UTF8.GetString(await ReadStoreBytesAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordIssuedReturnsWithoutWaitingForTheStore()
    {
        await using var app = new CdsLmnApp(OnTheStore(_path));
        var ledger = app.Services.GetRequiredService<ICardLedger>();
        ledger.RecordIssued(IssuedCards.Card(shadow: false)); // written before the store is blocked
        await ledger.FlushAsync(CancellationToken.None);
        var cards = Enumerable.Range(0, 1000).Select(_ => IssuedCards.Card(shadow: false)).ToList();

        // Another connection holds the write lock: a call that waited for its write could not return before the rollback.
        using (var blocker = TestStore.Open(_path))
        {
            using var transaction = blocker.BeginTransaction();
            foreach (var card in cards)
            {
                ledger.RecordIssued(card);
            }
            using var during = blocker.CreateCommand();
            during.CommandText = "SELECT COUNT(*) FROM issued_card";
            Assert.Equal(1L, during.ExecuteScalar()); // every call has returned, none of the 1000 is written yet
            transaction.Rollback();
        }

        await ledger.FlushAsync(CancellationToken.None);
        Assert.Equal(1001, Scalar("SELECT COUNT(*) FROM issued_card"));
    }

    [Fact]
    public async Task DrainsQueuedCardsOnGracefulStop()
    {
        const int count = 2000;
        var app = new CdsLmnApp(OnTheStore(_path));
        var ledger = app.Services.GetRequiredService<ICardLedger>(); // started: the store exists

        // Another connection holds the write lock, so nothing can be committed before the host stops.
        using var blocker = TestStore.Open(_path);
        using var transaction = blocker.BeginTransaction();
        for (var i = 0; i < count; i++)
        {
            ledger.RecordIssued(IssuedCards.Card(shadow: i % 2 == 0));
        }
        using var before = blocker.CreateCommand();
        before.CommandText = "SELECT COUNT(*) FROM issued_card";
        Assert.Equal(0L, before.ExecuteScalar());

        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping.Register(() => stopRequested.TrySetResult());
        var stopping = app.DisposeAsync().AsTask();
        await stopRequested.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.False(stopping.IsCompleted); // the stop has begun and waits for the queue, which the lock holds back
        transaction.Rollback();
        await stopping.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(count, Scalar("SELECT COUNT(*) FROM issued_card"));
        Assert.Equal(count / 2, Scalar("SELECT COUNT(*) FROM issued_card WHERE shadow = 1"));
    }

    [Fact]
    public async Task MarksFeedbackKnownWhenItsCardIsRecordedLater()
    {
        await using var app = new CdsLmnApp(OnTheStore(_path));
        var ledger = app.Services.GetRequiredService<ICardLedger>();
        var card = IssuedCards.Card(shadow: false);

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
        var card = IssuedCards.Card(shadow: false, patientId: "p-1");
        await using (var first = new CdsLmnApp(OnTheStore(_path)))
        {
            var ledger = first.Services.GetRequiredService<ICardLedger>();
            ledger.RecordIssued(card);
            await ledger.FlushAsync(CancellationToken.None);
            using var response = await first.CreateClient().PostAsync(
                FeedbackBodies.SelectFeedbackUrl, TestData.Json(FeedbackBodies.Body(FeedbackBodies.Accepted(card.CardUuid, card.Suggestions[0].Uuid))));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        var hashBefore = Text("SELECT patient_hash FROM issued_card");

        await using var second = new CdsLmnApp(OnTheStore(_path));
        var again = second.Services.GetRequiredService<ICardLedger>();
        again.RecordIssued(IssuedCards.Card(shadow: false, patientId: "p-1"));
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
            await using (var app = new CdsLmnApp(OnTheStore(nested)))
            {
                _ = app.Services.GetRequiredService<ICardLedger>(); // starts the host
            }

            Assert.Equal(Service.Stewardship.Sqlite.SqliteSchema.LatestVersion, TestStore.Scalar(nested, "PRAGMA user_version"));
            Assert.Equal("wal", TestStore.Text(nested, "PRAGMA journal_mode"));
        }
        finally
        {
            TestStore.Delete(nested);
            Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(nested)!)!, recursive: true);
        }
    }

    private static AppSettings OnTheStore(string path) => new() { SharedSqlitePath = path };

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

    private long Scalar(string sql, params (string, object)[] parameters) => TestStore.Scalar(_path, sql, parameters);

    private string Text(string sql) => TestStore.Text(_path, sql);
}
