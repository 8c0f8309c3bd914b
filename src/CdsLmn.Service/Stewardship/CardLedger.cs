using System.Text.Json;
using CdsLmn.Service.Telemetry;

namespace CdsLmn.Service.Stewardship;

/// <summary>
/// <see cref="ICardLedger"/> on either database: issued cards go through the write-behind queue, feedback is
/// committed before the call returns, so an acknowledged entry survives a crash. When a shared database cannot be
/// reached, feedback throws <see cref="StoreUnavailableException"/> (the endpoint answers 503) instead of being lost.
/// </summary>
internal sealed partial class CardLedger(LedgerQueue queue, ILedgerDatabase database, CdsLmnMetrics metrics, TimeProvider time, ILogger<CardLedger> logger)
    : ICardLedger
{
    public void RecordIssued(IssuedCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        metrics.RecordCard(card.DecisionRow, card.Indicator, card.Shadow);
        if (!queue.TryEnqueue(card))
        {
            metrics.RecordLedgerDropped(1, "queue-full");
            LogDropped(card.ServiceId, card.HookInstance);
        }
    }

    public Task FlushAsync(CancellationToken cancellationToken) => queue.FlushAsync(cancellationToken);

    public async Task<FeedbackResult> RecordFeedbackAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await InsertAsync(entries, cancellationToken);
        }
        catch (Exception e) when (database.IsUnavailable(e))
        {
            throw new StoreUnavailableException("The audit database cannot be reached; the feedback was not stored.", e);
        }
    }

    private async Task<FeedbackResult> InsertAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        await using var issuer = connection.Command("SELECT service_id FROM issued_card WHERE card_uuid = @card;", transaction);
        var issuedCard = issuer.With("@card", null);

        await using var insert = connection.Command("""
            INSERT INTO feedback (service_id, card_uuid, outcome, outcome_at, accepted_suggestions,
                reason_system, reason_code, reason_display, user_comment, known_card, received_at)
            VALUES (@service, @card, @outcome, @outcomeAt, @accepted, @system, @code, @display, @comment, @known, @receivedAt)
            ON CONFLICT DO NOTHING;
            """, transaction);
        var receivedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        int stored = 0, foreign = 0;
        foreach (var entry in entries)
        {
            var card = NormalizeUuid(entry.CardUuid);
            issuedCard.Value = card;
            var issuedBy = await issuer.ExecuteScalarAsync(cancellationToken) as string;
            if (issuedBy is not null && issuedBy != entry.ServiceId)
            {
                // Another service's card: not this service's feedback, and storing it would count it against that card.
                foreign++;
                continue;
            }
            var isKnown = issuedBy is not null;

            insert.Parameters.Clear();
            insert.With("@service", entry.ServiceId);
            insert.With("@card", card);
            insert.With("@outcome", entry.Response == ClinicianResponse.Accepted ? "accepted" : "overridden");
            insert.With("@outcomeAt", entry.OutcomeAt.ToUnixTimeMilliseconds());
            insert.With("@accepted", AcceptedKey(entry.AcceptedSuggestionIds));
            insert.With("@system", entry.OverrideReason?.System);
            insert.With("@code", entry.OverrideReason?.Code);
            insert.With("@display", entry.OverrideReason?.Display);
            insert.With("@comment", entry.UserComment);
            insert.With("@known", isKnown ? 1 : 0);
            insert.With("@receivedAt", receivedAt);
            stored += await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return new FeedbackResult(entries.Count, stored, foreign);
    }

    /// <summary>UUIDs are compared in their canonical lower-case form; anything else is kept as sent.</summary>
    internal static string NormalizeUuid(string uuid) => Guid.TryParse(uuid, out var parsed) ? parsed.ToString("D") : uuid;

    /// <summary>The accepted suggestion ids as a sorted, de-duplicated JSON array: part of a feedback entry's identity.</summary>
    private static string AcceptedKey(IReadOnlyList<string> ids)
    {
        var sorted = ids.Select(NormalizeUuid).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return JsonSerializer.Serialize(sorted, StewardshipJsonContext.Default.StringArray);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit queue full: a card of {ServiceId} (hook instance {HookInstance}) was not recorded")]
    private partial void LogDropped(string serviceId, string hookInstance);
}
