using CdsLmn.Service.CdsHooks.Auth;

namespace CdsLmn.Service.Stewardship.Postgres;

/// <summary>
/// The <c>jti</c> replay record shared by every replica: one atomic insert-if-absent per token, so of any number of
/// replicas receiving the same token concurrently exactly one accepts it. A row whose token has expired may be taken
/// over (same rule as the in-memory cache); <see cref="StoreMaintenance"/> purges expired rows. When the database
/// cannot be reached this throws, and the token is refused: replay protection fails closed (README, "Running in production").
/// </summary>
internal sealed class PostgresJtiReplayCache(PostgresStore store, [FromKeyedServices(ClientAuthentication.ClockKey)] TimeProvider clock) : IJtiReplayCache
{
    public async Task<bool> TryRecordAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            return await InsertIfAbsentAsync(issuer, jti, expiresAt, cancellationToken);
        }
        catch (Exception e) when (store.IsUnavailable(e))
        {
            throw new StoreUnavailableException("The jti replay record cannot be reached; the token is refused.", e);
        }
    }

    private async Task<bool> InsertIfAbsentAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenAsync(cancellationToken);
        await using var command = connection.Command("""
            INSERT INTO jti_replay (issuer, jti, expires_at) VALUES (@issuer, @jti, @expiresAt)
            ON CONFLICT (issuer, jti) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE jti_replay.expires_at <= @now;
            """);
        command.With("@issuer", issuer);
        command.With("@jti", jti);
        command.With("@expiresAt", expiresAt.ToUnixTimeMilliseconds());
        command.With("@now", clock.GetUtcNow().ToUnixTimeMilliseconds());
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
