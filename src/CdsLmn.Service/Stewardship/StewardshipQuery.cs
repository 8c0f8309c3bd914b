using System.Data.Common;

namespace CdsLmn.Service.Stewardship;

/// <summary>
/// The report's figures straight from SQL. A card's outcome is its latest feedback (by outcome time); accepted
/// suggestions are counted over every <c>accepted</c> entry, since clients report suggestions one by one.
/// </summary>
internal sealed class StewardshipQuery(ILedgerDatabase database) : IStewardshipQuery
{
    private const string None = "(none given)";
    private const string UnknownSuggestion = "(unknown suggestion)";

    // Cards in the period, each with its latest feedback (if any).
    private const string Latest = """
        WITH c AS (
            SELECT * FROM issued_card WHERE issued_at >= @start AND issued_at < @end
        ),
        latest AS (
            SELECT f.*, ROW_NUMBER() OVER (PARTITION BY f.card_uuid ORDER BY f.outcome_at DESC, f.id DESC) AS rn
            FROM feedback f JOIN c ON c.card_uuid = f.card_uuid AND c.service_id = f.service_id
        )
        """;

    public async Task<StewardshipSummary> SummarizeAsync(ReportPeriod period, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(period);
        cancellationToken.ThrowIfCancellationRequested();
        await using var connection = await database.OpenAsync(cancellationToken);
        var start = period.Start?.ToUnixTimeMilliseconds() ?? long.MinValue;
        var end = period.End?.ToUnixTimeMilliseconds() ?? long.MaxValue;

        var reasons = await ReadLabelsAsync(connection, start, end, $"""
            {Latest}
            SELECT c.service_id, c.shadow, c.decision_row, c.indicator,
                   -- one label per coding (grouped by system and code below)
                   MIN(COALESCE(l.reason_display, l.reason_code, '{None}')) AS label, COUNT(*)
            FROM c JOIN latest l ON l.card_uuid = c.card_uuid AND l.rn = 1
            WHERE l.outcome = 'overridden'
            GROUP BY c.service_id, c.shadow, c.decision_row, c.indicator, COALESCE(l.reason_system, ''), COALESCE(l.reason_code, '')
            """, cancellationToken);
        var suggestions = await ReadLabelsAsync(connection, start, end, $"""
            WITH c AS (SELECT * FROM issued_card WHERE issued_at >= @start AND issued_at < @end),
            taken AS (
                SELECT DISTINCT f.card_uuid, j.value AS suggestion_uuid
                FROM feedback f JOIN c ON c.card_uuid = f.card_uuid AND c.service_id = f.service_id CROSS JOIN {database.AcceptedSuggestionIds}
                WHERE f.outcome = 'accepted'
            )
            SELECT c.service_id, c.shadow, c.decision_row, c.indicator, COALESCE(s.label, '{UnknownSuggestion}') AS label, COUNT(*)
            FROM c JOIN taken t ON t.card_uuid = c.card_uuid
            LEFT JOIN issued_suggestion s ON s.card_uuid = t.card_uuid AND s.suggestion_uuid = t.suggestion_uuid
            GROUP BY c.service_id, c.shadow, c.decision_row, c.indicator, COALESCE(s.label, '{UnknownSuggestion}')
            """, cancellationToken);

        await using var command = Command(connection, start, end, $"""
            {Latest}
            SELECT c.service_id, c.shadow, c.decision_row, c.indicator, COUNT(*),
                   COUNT(*) FILTER (WHERE l.outcome = 'accepted'),
                   COUNT(*) FILTER (WHERE l.outcome = 'overridden'),
                   COUNT(*) FILTER (WHERE l.outcome IS NULL)
            FROM c LEFT JOIN latest l ON l.card_uuid = c.card_uuid AND l.rn = 1
            GROUP BY c.service_id, c.shadow, c.decision_row, c.indicator
            ORDER BY c.service_id, c.shadow, c.decision_row, c.indicator
            """);
        var rows = new List<StewardshipRow>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = ReadKey(reader);
                rows.Add(new StewardshipRow
                {
                    ServiceId = key.ServiceId,
                    Mode = CardMode.Of(key.Shadow),
                    DecisionRow = key.Row,
                    Indicator = key.Indicator,
                    Shown = (int)reader.Integer(4),
                    Accepted = (int)reader.Integer(5),
                    Overridden = (int)reader.Integer(6),
                    WithoutFeedback = (int)reader.Integer(7),
                    OverrideReasons = Ordered(reasons, key),
                    AcceptedSuggestions = Ordered(suggestions, key),
                });
            }
        }

        return new StewardshipSummary
        {
            Period = period,
            Rows = rows,
            UnknownCardFeedback = await ReadUnknownAsync(connection, start, end, cancellationToken),
            Weeks = await ReadWeeksAsync(connection, start, end, cancellationToken),
        };
    }

    private static async Task<List<WeeklyCards>> ReadWeeksAsync(DbConnection connection, long start, long end, CancellationToken cancellationToken)
    {
        // issued_at is Unix milliseconds; the epoch was a Thursday, so shifting by 4 days makes weeks start on Monday.
        const long week = 7L * 24 * 3600 * 1000, shift = 4L * 24 * 3600 * 1000;
        await using var command = Command(connection, start, end, $"""
            SELECT (issued_at + {shift}) / {week} AS week, shadow, indicator, COUNT(*)
            FROM issued_card WHERE issued_at >= @start AND issued_at < @end
            GROUP BY (issued_at + {shift}) / {week}, shadow, indicator
            ORDER BY week, shadow, indicator
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var weeks = new List<WeeklyCards>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var weekStart = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(reader.Integer(0) * week - shift).UtcDateTime);
            weeks.Add(new WeeklyCards(weekStart, CardMode.Of(reader.Integer(1) == 1), reader.GetString(2), (int)reader.Integer(3)));
        }
        return weeks;
    }

    private static async Task<List<UnknownCardFeedback>> ReadUnknownAsync(DbConnection connection, long start, long end, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, start, end, """
            SELECT service_id, COUNT(*) FROM feedback
            WHERE known_card = 0 AND outcome_at >= @start AND outcome_at < @end
            GROUP BY service_id ORDER BY service_id
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var unknown = new List<UnknownCardFeedback>();
        while (await reader.ReadAsync(cancellationToken))
        {
            unknown.Add(new UnknownCardFeedback(reader.GetString(0), (int)reader.Integer(1)));
        }
        return unknown;
    }

    private static async Task<ILookup<RowKey, LabelCount>> ReadLabelsAsync(DbConnection connection, long start, long end, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, start, end, sql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var labels = new List<(RowKey, LabelCount)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            labels.Add((ReadKey(reader), new LabelCount(reader.GetString(4), (int)reader.Integer(5))));
        }
        // One label may come from two codings (same display, other system): add them up.
        return labels.GroupBy(l => (l.Item1, l.Item2.Label))
            .Select(g => (g.Key.Item1, new LabelCount(g.Key.Label, g.Sum(l => l.Item2.Count))))
            .ToLookup(l => l.Item1, l => l.Item2);
    }

    private static List<LabelCount> Ordered(ILookup<RowKey, LabelCount> labels, RowKey key) =>
        [.. labels[key].OrderByDescending(l => l.Count).ThenBy(l => l.Label, StringComparer.Ordinal)];

    private static RowKey ReadKey(DbDataReader reader) =>
        new(reader.GetString(0), reader.Integer(1) == 1, (int)reader.Integer(2), reader.GetString(3));

    private static DbCommand Command(DbConnection connection, long start, long end, string sql)
    {
        var command = connection.Command(sql);
        command.With("@start", start);
        command.With("@end", end);
        return command;
    }

    private readonly record struct RowKey(string ServiceId, bool Shadow, int Row, string Indicator);
}
