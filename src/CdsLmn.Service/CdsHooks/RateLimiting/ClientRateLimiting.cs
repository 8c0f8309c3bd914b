using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks.RateLimiting;

/// <summary>
/// A fixed-window limit per client on every <c>/cds-services</c> endpoint (ASP.NET Core's rate limiter). A client is
/// the authenticated EHR (<c>iss</c> and <c>tenant</c> of its verified JWT); without client authentication (Disabled
/// mode) it is the remote IP address. Over the limit a client gets 429 with <c>Retry-After</c> and an
/// OperationOutcome; other clients are unaffected. Health endpoints carry no policy and are never limited.
/// </summary>
internal static class ClientRateLimiting
{
    public const string PolicyName = "cds-client";

    public static IHostApplicationBuilder AddClientRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClientRateLimitOptions>()
            .BindConfiguration(ClientRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<ClientRateLimitOptions>>((limiter, limits) =>
            {
                limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
                limiter.OnRejected = (rejected, _) => RejectAsync(rejected, limits.Value.Window);
                limiter.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = limits.Value.PermitLimit,
                    Window = limits.Value.Window,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                }));
            });
        return builder;
    }

    /// <summary>After authentication and authorization, so the partition is the verified client.</summary>
    public static WebApplication UseClientRateLimiting(this WebApplication app)
    {
        app.UseRateLimiter();
        return app;
    }

    /// <summary>The verified <c>iss</c> and <c>tenant</c>; the remote address when no client was authenticated.</summary>
    internal static string PartitionKey(HttpContext context) =>
        context.User.Identity?.IsAuthenticated == true
            ? $"client {context.User.FindFirst("iss")?.Value} {context.User.FindFirst("tenant")?.Value}"
            : $"address {context.Connection.RemoteIpAddress}";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, TimeSpan window)
    {
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        rejected.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await OperationOutcomeResult.TooManyRequests(seconds).ExecuteAsync(rejected.HttpContext);
    }
}
