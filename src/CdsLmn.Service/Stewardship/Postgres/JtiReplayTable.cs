namespace CdsLmn.Service.Stewardship.Postgres;

/// <summary>
/// The <c>jti_replay</c> table of the shared database: one atomic insert-if-absent per token, so of any number of
/// replicas receiving the same token concurrently exactly one records it. A row whose token has expired may be taken
/// over; <see cref="Setup.StoreMaintenance"/> purges expired rows. Client authentication uses it through its replay
/// cache (CdsHooks/Auth); the table knows nothing of tokens beyond issuer, id and expiry.
/// </summary>
internal static class JtiReplayTable
{
    /// <summary>True when this call recorded the pair; false when it is already recorded and not yet expired.</summary>
    public static async Task<bool> InsertIfAbsentAsync(
        PostgresStore store, string issuer, string jti, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            INSERT INTO jti_replay (issuer, jti, expires_at) VALUES (@issuer, @jti, @expiresAt)
            ON CONFLICT (issuer, jti) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE jti_replay.expires_at <= @now;
            """);
        command.With("@issuer", issuer);
        command.With("@jti", jti);
        command.With("@expiresAt", expiresAt.ToUnixTimeMilliseconds());
        command.With("@now", now.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>Deletes the rows of tokens that can no longer be accepted anyway.</summary>
    public static async Task PurgeExpiredAsync(PostgresStore store, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.Command("DELETE FROM jti_replay WHERE expires_at <= @now;");
        command.With("@now", now.ToUnixTimeMilliseconds());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
