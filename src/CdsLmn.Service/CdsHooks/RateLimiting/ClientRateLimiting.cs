using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks.RateLimiting;

/// <summary>
/// A fixed-window limit per client on every <c>/cds-services</c> endpoint (ASP.NET Core's rate limiter). A client is
/// the authenticated EHR (<c>iss</c> and <c>tenant</c> of its verified JWT); without client authentication (Disabled
/// mode) it is the remote IP address. Over the limit a client gets 429 with <c>Retry-After</c> and an
/// OperationOutcome; other clients are unaffected. Health endpoints carry no policy and are never limited.
/// Registered by <see cref="RateLimitingRegistration"/>.
/// </summary>
internal static class ClientRateLimiting
{
    public const string PolicyName = "cds-client";

    /// <summary>The <see cref="PolicyName"/> policy and the 429 answer, from <paramref name="limits"/>.</summary>
    internal static void Configure(RateLimiterOptions limiter, ClientRateLimitOptions limits)
    {
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = (rejected, _) => RejectAsync(rejected, limits.Window);
        limiter.AddPolicy(PolicyName, context => RateLimitPartition.GetFixedWindowLimiter(PartitionKey(context), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.PermitLimit,
            Window = limits.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
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
