using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Stewardship.Postgres;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>
/// The <c>jti</c> replay record shared by every replica, in the PostgreSQL store (<see cref="JtiReplayTable"/>): a token
/// is accepted by exactly one replica. When the database cannot be reached the token is refused — replay protection
/// fails closed (README, "Running in production") — and <see cref="StoreOutageChallengeHandler"/> answers 503.
/// </summary>
internal sealed class SharedJtiReplayCache(PostgresStore store, [FromKeyedServices(ClientAuthentication.ClockKey)] TimeProvider clock) : IJtiReplayCache
{
    public async Task<bool> TryRecordAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            return await JtiReplayTable.InsertIfAbsentAsync(store, issuer, jti, expiresAt, clock.GetUtcNow(), cancellationToken);
        }
        catch (Exception e) when (store.IsUnavailable(e))
        {
            throw new StoreUnavailableException("The jti replay record cannot be reached; the token is refused.", e);
        }
    }
}
