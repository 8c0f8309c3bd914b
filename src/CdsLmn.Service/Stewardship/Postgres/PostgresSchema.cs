using System.Collections.Immutable;
using Npgsql;

namespace CdsLmn.Service.Stewardship.Postgres;

/// <summary>
/// The shared database's schema as ordered migration steps; <c>schema_version</c> holds one row per applied step.
/// Append new steps at the end, never edit a shipped one. Tables and column meanings match the SQLite store
/// (times are Unix milliseconds, UTC), so both run the same SQL.
/// </summary>
internal static class PostgresSchema
{
    // Any constant shared by every replica: pg_advisory_lock serialises their migrations.
    private const long MigrationLockKey = 0x43_64_73_4C_6D_6E_01; // "CdsLmn" + 1

    private static readonly ImmutableArray<string> Steps =
    [
        // 1: issued cards with their suggestions, feedback, and store settings (the generated patient-id salt).
        """
        CREATE TABLE settings (
            key text PRIMARY KEY,
            value text NOT NULL
        );
        CREATE TABLE issued_card (
            card_uuid text PRIMARY KEY,
            service_id text NOT NULL,
            hook_instance text NOT NULL,
            patient_hash text NOT NULL,
            decision_row integer NOT NULL,
            indicator text NOT NULL,
            issued_at bigint NOT NULL,
            shadow integer NOT NULL CHECK (shadow IN (0, 1))
        );
        CREATE INDEX issued_card_issued_at ON issued_card (issued_at);
        CREATE TABLE issued_suggestion (
            card_uuid text NOT NULL REFERENCES issued_card (card_uuid) ON DELETE CASCADE,
            suggestion_uuid text NOT NULL,
            label text NOT NULL,
            PRIMARY KEY (card_uuid, suggestion_uuid)
        );
        CREATE TABLE feedback (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            service_id text NOT NULL,
            card_uuid text NOT NULL,
            outcome text NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
            outcome_at bigint NOT NULL,
            accepted_suggestions text NOT NULL,
            reason_system text,
            reason_code text,
            reason_display text,
            user_comment text,
            known_card integer NOT NULL CHECK (known_card IN (0, 1)),
            received_at bigint NOT NULL,
            UNIQUE (card_uuid, outcome, outcome_at, accepted_suggestions)
        );
        """,

        // 2: the jti replay record shared by the replicas.
        """
        CREATE TABLE jti_replay (
            issuer text NOT NULL,
            jti text NOT NULL,
            expires_at bigint NOT NULL,
            PRIMARY KEY (issuer, jti)
        );
        CREATE INDEX jti_replay_expires_at ON jti_replay (expires_at);
        """,

        // 3: the retention purge deletes feedback by the time it was received.
        "CREATE INDEX feedback_received_at ON feedback (received_at);",
    ];

    public static int LatestVersion => Steps.Length;

    /// <summary>
    /// Applies the missing steps up to <paramref name="target"/> (all by default), each in its own transaction with its
    /// version row. Replicas starting together take turns on an advisory lock; those that come second find nothing to do.
    /// </summary>
    public static async Task MigrateAsync(NpgsqlConnection connection, CancellationToken cancellationToken, int? target = null)
    {
        var upTo = target ?? LatestVersion;
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey});", connection))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }
        try
        {
            await using (var create = new NpgsqlCommand(
                "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now());", connection))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            var version = await ReadVersionAsync(connection, cancellationToken);
            if (version > LatestVersion)
            {
                throw new InvalidOperationException(
                    $"The database has schema version {version}, newer than this service knows ({LatestVersion}); upgrade the service.");
            }
            for (var step = version; step < upTo; step++)
            {
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using var apply = new NpgsqlCommand($"{Steps[step]}\nINSERT INTO schema_version (version) VALUES ({step + 1});", connection, transaction);
                await apply.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        finally
        {
            // A dead connection has already released the lock with its session.
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey});", connection);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
        }
    }

    public static async Task<int> ReadVersionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT COALESCE(MAX(version), 0) FROM schema_version;", connection);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
