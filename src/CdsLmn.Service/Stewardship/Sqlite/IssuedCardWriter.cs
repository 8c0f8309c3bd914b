using CdsLmn.Service.Telemetry;
using Microsoft.Data.Sqlite;

namespace CdsLmn.Service.Stewardship.Sqlite;

/// <summary>
/// Drains the issued-card queue in order, a batch per transaction. On a graceful stop the queue is closed and
/// everything in it is written before the host exits; a crash loses at most what was still queued.
/// </summary>
internal sealed partial class IssuedCardWriter(LedgerQueue queue, SqliteStore store, CdsLmnMetrics metrics, ILogger<IssuedCardWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        store.EnsureInitialized();
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await base.StopAsync(cancellationToken);
    }

    // Deliberately not tied to stoppingToken: the loop ends when StopAsync closes the queue and it is empty.
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<LedgerWork>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var work))
            {
                batch.Add(work);
            }
            Write(batch);
            batch.Clear();
        }
    }

    private void Write(List<LedgerWork> batch)
    {
        var cards = batch.Where(w => w.Card is not null).Select(w => w.Card!).ToList();
        try
        {
            if (cards.Count > 0)
            {
                Insert(cards);
            }
        }
        catch (Exception e) when (e is SqliteException or IOException or InvalidOperationException)
        {
            LogWriteFailed(e, cards.Count);
            metrics.RecordLedgerDropped(cards.Count, "write-failed");
        }
        foreach (var work in batch)
        {
            work.Flushed?.TrySetResult();
        }
    }

    private void Insert(List<IssuedCard> cards)
    {
        using var connection = store.Open();
        using var transaction = connection.BeginTransaction();

        using var card = connection.CreateCommand();
        card.Transaction = transaction;
        card.CommandText = """
            INSERT OR IGNORE INTO issued_card (card_uuid, service_id, hook_instance, patient_hash, decision_row, indicator, issued_at, shadow)
            VALUES ($card, $service, $hookInstance, $patient, $row, $indicator, $issuedAt, $shadow);
            UPDATE feedback SET known_card = 1 WHERE card_uuid = $card AND known_card = 0;
            """;
        var cardUuid = card.Parameters.Add("$card", SqliteType.Text);
        var service = card.Parameters.Add("$service", SqliteType.Text);
        var hookInstance = card.Parameters.Add("$hookInstance", SqliteType.Text);
        var patient = card.Parameters.Add("$patient", SqliteType.Text);
        var row = card.Parameters.Add("$row", SqliteType.Integer);
        var indicator = card.Parameters.Add("$indicator", SqliteType.Text);
        var issuedAt = card.Parameters.Add("$issuedAt", SqliteType.Integer);
        var shadow = card.Parameters.Add("$shadow", SqliteType.Integer);

        using var suggestion = connection.CreateCommand();
        suggestion.Transaction = transaction;
        suggestion.CommandText = "INSERT OR IGNORE INTO issued_suggestion (card_uuid, suggestion_uuid, label) VALUES ($card, $suggestion, $label);";
        var suggestionCard = suggestion.Parameters.Add("$card", SqliteType.Text);
        var suggestionUuid = suggestion.Parameters.Add("$suggestion", SqliteType.Text);
        var label = suggestion.Parameters.Add("$label", SqliteType.Text);

        foreach (var issued in cards)
        {
            cardUuid.Value = SqliteCardLedger.NormalizeUuid(issued.CardUuid);
            service.Value = issued.ServiceId;
            hookInstance.Value = issued.HookInstance;
            patient.Value = store.HashPatientId(issued.PatientId);
            row.Value = issued.DecisionRow;
            indicator.Value = issued.Indicator;
            issuedAt.Value = issued.IssuedAt.ToUnixTimeMilliseconds();
            shadow.Value = issued.Shadow ? 1 : 0;
            card.ExecuteNonQuery();

            foreach (var offered in issued.Suggestions)
            {
                suggestionCard.Value = cardUuid.Value;
                suggestionUuid.Value = SqliteCardLedger.NormalizeUuid(offered.Uuid);
                label.Value = offered.Label;
                suggestion.ExecuteNonQuery();
            }
        }
        transaction.Commit();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record {Count} issued cards in the audit store")]
    private partial void LogWriteFailed(Exception exception, int count);
}
