using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Stewardship.Postgres;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>
/// A token refused because its <c>jti</c> could not be recorded — the shared database went away during the call —
/// is answered 503 (OperationOutcome, <c>Retry-After</c>) rather than 401: the token may be fine, and the EHR should
/// retry rather than suspect its credentials. The rule is the one <see cref="StoreOutageGate"/> applies before
/// authentication: while the database is unreachable, calls that need it answer 503. Everything else is the
/// framework's default handling.
/// </summary>
internal sealed class StoreOutageChallengeHandler(IServiceProvider services) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(authorizeResult);
        return authorizeResult.Challenged
            && StorageOptions.UsesPostgres(services)
            && !services.GetRequiredService<PostgresStore>().IsReachable
                ? OperationOutcomeResult.StoreUnavailable().ExecuteAsync(context)
                : _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
