using CdsLmn.Service.Stewardship.Postgres;
using CdsLmn.Service.CdsHooks.Auth;
using Microsoft.Extensions.Options;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// While the shared database is known to be unreachable, answers 503 (OperationOutcome, <c>Retry-After</c>) at once to
/// the calls that cannot be served without it — feedback, and hook calls when client authentication is required
/// (their <c>jti</c> must be recorded) — instead of letting each wait for a connection. Hook calls without
/// authentication need no database (issued cards wait in the queue) and pass.
/// </summary>
internal sealed class StoreOutageGate(RequestDelegate next, PostgresStore store, IOptions<ClientAuthOptions> auth)
{
    private const string ServicesPath = "/cds-services";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var needsStore = HttpMethods.IsPost(request.Method)
            && request.Path.StartsWithSegments(ServicesPath, StringComparison.Ordinal)
            && (request.Path.Value!.EndsWith("/feedback", StringComparison.Ordinal) || auth.Value.Mode == ClientAuthMode.Required);
        return needsStore && !store.IsReachable ? OperationOutcomeResult.StoreUnavailable().ExecuteAsync(context) : next(context);
    }
}
