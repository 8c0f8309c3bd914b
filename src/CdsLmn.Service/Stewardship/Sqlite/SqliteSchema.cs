using System.Collections.Immutable;
using Microsoft.Data.Sqlite;

namespace CdsLmn.Service.Stewardship.Sqlite;

/// <summary>
/// The store's schema as ordered migration steps; <c>PRAGMA user_version</c> holds how many are applied. Append
/// new steps at the end, never edit a shipped one. Times are Unix milliseconds, UTC.
/// </summary>
internal static class SqliteSchema
{
    private static readonly ImmutableArray<string> Steps =
    [
        // 1: issued cards with their suggestions, feedback, and store settings (the generated patient-id salt).
        """
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE TABLE issued_card (
            card_uuid TEXT PRIMARY KEY,
            service_id TEXT NOT NULL,
            hook_instance TEXT NOT NULL,
            patient_hash TEXT NOT NULL,
            decision_row INTEGER NOT NULL,
            indicator TEXT NOT NULL,
            issued_at INTEGER NOT NULL,
            shadow INTEGER NOT NULL CHECK (shadow IN (0, 1))
        );
        CREATE INDEX issued_card_issued_at ON issued_card (issued_at);
        CREATE TABLE issued_suggestion (
            card_uuid TEXT NOT NULL REFERENCES issued_card (card_uuid),
            suggestion_uuid TEXT NOT NULL,
            label TEXT NOT NULL,
            PRIMARY KEY (card_uuid, suggestion_uuid)
        );
        CREATE TABLE feedback (
            id INTEGER PRIMARY KEY,
            service_id TEXT NOT NULL,
            card_uuid TEXT NOT NULL,
            outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
            outcome_at INTEGER NOT NULL,
            accepted_suggestions TEXT NOT NULL,
            reason_system TEXT,
            reason_code TEXT,
            reason_display TEXT,
            user_comment TEXT,
            known_card INTEGER NOT NULL CHECK (known_card IN (0, 1)),
            received_at INTEGER NOT NULL,
            UNIQUE (card_uuid, outcome, outcome_at, accepted_suggestions)
        );
        """,

        // 2: the retention purge deletes feedback by the time it was received.
        "CREATE INDEX feedback_received_at ON feedback (received_at);",
    ];

    public static int LatestVersion => Steps.Length;

    /// <summary>Applies the missing steps, each in its own transaction with its version number.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        while (true)
        {
            using var transaction = connection.BeginTransaction();
            var version = ReadVersion(connection, transaction);
            if (version > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The store has schema version {version}, newer than this service knows ({LatestVersion}); upgrade the service.");
            }
            if (version == LatestVersion)
            {
                return;
            }

            using var step = connection.CreateCommand();
            step.Transaction = transaction;
            step.CommandText = $"{Steps[version]}\nPRAGMA user_version = {version + 1};";
            step.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
