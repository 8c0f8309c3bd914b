using CdsLmn.Service.Telemetry;

namespace CdsLmn.Service.Stewardship;

/// <summary>
/// Drains the issued-card queue in order, a batch per transaction. On a graceful stop the queue is closed and
/// everything in it is written before the host exits; a crash loses at most what was still queued. While a
/// shared database cannot be reached the batch is retried (the queue absorbs new cards up to its capacity) until
/// it comes back or the host's shutdown timeout runs out.
/// </summary>
internal sealed partial class IssuedCardWriter(LedgerQueue queue, ILedgerDatabase database, CdsLmnMetrics metrics, ILogger<IssuedCardWriter> logger) : BackgroundService
{
    private const int MaxBatch = 256;
    private static readonly TimeSpan FirstRetryDelay = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _giveUp = new();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.InitializeAsync(cancellationToken);
        }
        catch (Exception e) when (database.IsUnavailable(e))
        {
            // Not fatal for a shared database: /health/ready stays red until it is reachable and migrated.
            LogNotReachableAtStart(e);
        }
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await using var registration = cancellationToken.Register(_giveUp.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _giveUp.Dispose();
        base.Dispose();
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
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<LedgerWork> batch)
    {
        var cards = batch.Where(w => w.Card is not null).Select(w => w.Card!).ToList();
        var delay = FirstRetryDelay;
        while (cards.Count > 0)
        {
            try
            {
                await InsertAsync(cards);
                break;
            }
            catch (Exception e) when (database.IsUnavailable(e) && !_giveUp.IsCancellationRequested)
            {
                LogRetrying(cards.Count, delay);
                await Task.Delay(delay, _giveUp.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetryDelay.Ticks));
            }
            catch (Exception e) when (database.IsUnavailable(e) || e is System.Data.Common.DbException or IOException or InvalidOperationException)
            {
                LogWriteFailed(e, cards.Count);
                metrics.RecordLedgerDropped(cards.Count, "write-failed");
                break;
            }
        }
        foreach (var work in batch)
        {
            work.Flushed?.TrySetResult();
        }
    }

    private async Task InsertAsync(List<IssuedCard> cards)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();

        await using var card = connection.Command("""
            INSERT INTO issued_card (card_uuid, service_id, hook_instance, patient_hash, decision_row, indicator, issued_at, shadow)
            VALUES (@card, @service, @hookInstance, @patient, @row, @indicator, @issuedAt, @shadow)
            ON CONFLICT DO NOTHING;
            UPDATE feedback SET known_card = 1 WHERE card_uuid = @card AND service_id = @service AND known_card = 0;
            """, transaction);
        var cardUuid = card.With("@card", null);
        var service = card.With("@service", null);
        var hookInstance = card.With("@hookInstance", null);
        var patient = card.With("@patient", null);
        var row = card.With("@row", null);
        var indicator = card.With("@indicator", null);
        var issuedAt = card.With("@issuedAt", null);
        var shadow = card.With("@shadow", null);

        await using var suggestion = connection.Command(
            "INSERT INTO issued_suggestion (card_uuid, suggestion_uuid, label) VALUES (@card, @suggestion, @label) ON CONFLICT DO NOTHING;", transaction);
        var suggestionCard = suggestion.With("@card", null);
        var suggestionUuid = suggestion.With("@suggestion", null);
        var label = suggestion.With("@label", null);

        foreach (var issued in cards)
        {
            cardUuid.Value = CardLedger.NormalizeUuid(issued.CardUuid);
            service.Value = issued.ServiceId;
            hookInstance.Value = issued.HookInstance;
            patient.Value = database.HashPatientId(issued.PatientId);
            row.Value = issued.DecisionRow;
            indicator.Value = issued.Indicator;
            issuedAt.Value = issued.IssuedAt.ToUnixTimeMilliseconds();
            shadow.Value = issued.Shadow ? 1 : 0;
            await card.ExecuteNonQueryAsync();

            foreach (var offered in issued.Suggestions)
            {
                suggestionCard.Value = cardUuid.Value;
                suggestionUuid.Value = CardLedger.NormalizeUuid(offered.Uuid);
                label.Value = offered.Label;
                await suggestion.ExecuteNonQueryAsync();
            }
        }
        await transaction.CommitAsync();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record {Count} issued cards in the audit store")]
    private partial void LogWriteFailed(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit database cannot be reached; retrying {Count} issued cards in {Delay}")]
    private partial void LogRetrying(int count, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The audit database cannot be reached at start; the service is not ready until it is")]
    private partial void LogNotReachableAtStart(Exception exception);
}
