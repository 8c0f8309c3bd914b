using System.Text.Json;
using CdsLmn.Service.CdsHooks.Models;
using CdsLmn.Service.Telemetry;
using Microsoft.Data.Sqlite;

namespace CdsLmn.Service.Stewardship.Sqlite;

/// <summary>
/// <see cref="ICardLedger"/> on the embedded store: issued cards go through the write-behind queue, feedback is
/// committed (synchronous=FULL) before the call returns, so an acknowledged entry survives a crash.
/// </summary>
internal sealed partial class SqliteCardLedger(LedgerQueue queue, SqliteStore store, CdsLmnMetrics metrics, TimeProvider time, ILogger<SqliteCardLedger> logger)
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

    public Task<FeedbackResult> RecordFeedbackAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        cancellationToken.ThrowIfCancellationRequested();
        // Microsoft.Data.Sqlite does its I/O synchronously either way; one short transaction.
        return Task.FromResult(Insert(entries));
    }

    private FeedbackResult Insert(IReadOnlyList<FeedbackEntry> entries)
    {
        using var connection = store.Open();
        using var transaction = connection.BeginTransaction();

        using var known = connection.CreateCommand();
        known.Transaction = transaction;
        known.CommandText = "SELECT EXISTS (SELECT 1 FROM issued_card WHERE card_uuid = $card);";
        var knownCard = known.Parameters.Add("$card", SqliteType.Text);

        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT OR IGNORE INTO feedback (service_id, card_uuid, outcome, outcome_at, accepted_suggestions,
                reason_system, reason_code, reason_display, user_comment, known_card, received_at)
            VALUES ($service, $card, $outcome, $outcomeAt, $accepted, $system, $code, $display, $comment, $known, $receivedAt);
            """;
        var receivedAt = time.GetUtcNow().ToUnixTimeMilliseconds();
        int stored = 0, unknown = 0;
        foreach (var entry in entries)
        {
            var card = NormalizeUuid(entry.CardUuid);
            knownCard.Value = card;
            var isKnown = Convert.ToInt64(known.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 1;
            unknown += isKnown ? 0 : 1;

            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("$service", entry.ServiceId);
            insert.Parameters.AddWithValue("$card", card);
            insert.Parameters.AddWithValue("$outcome", entry.Outcome == FeedbackOutcome.Accepted ? "accepted" : "overridden");
            insert.Parameters.AddWithValue("$outcomeAt", entry.OutcomeAt.ToUnixTimeMilliseconds());
            insert.Parameters.AddWithValue("$accepted", AcceptedKey(entry.AcceptedSuggestionIds));
            insert.Parameters.AddWithValue("$system", (object?)entry.OverrideReason?.System ?? DBNull.Value);
            insert.Parameters.AddWithValue("$code", (object?)entry.OverrideReason?.Code ?? DBNull.Value);
            insert.Parameters.AddWithValue("$display", (object?)entry.OverrideReason?.Display ?? DBNull.Value);
            insert.Parameters.AddWithValue("$comment", (object?)entry.UserComment ?? DBNull.Value);
            insert.Parameters.AddWithValue("$known", isKnown ? 1 : 0);
            insert.Parameters.AddWithValue("$receivedAt", receivedAt);
            stored += insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return new FeedbackResult(entries.Count, stored, unknown);
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
