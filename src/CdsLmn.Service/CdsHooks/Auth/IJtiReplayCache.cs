namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>
/// Remembers each accepted token's <c>jti</c> (per issuer) until the token could no longer be accepted, so a
/// captured token cannot be replayed (docs/cds-hooks-spec.md §6.2, validation step 6). Replicas that must share it
/// can provide an implementation over a shared store (e.g. <c>IDistributedCache</c> with an atomic add).
/// </summary>
internal interface IJtiReplayCache
{
    /// <summary>Records the <c>jti</c>; false when it was already recorded and has not expired, or cannot be recorded.</summary>
    Task<bool> TryRecordAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
