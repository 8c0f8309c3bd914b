using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.CdsHooks.RateLimiting;

/// <summary>
/// Registers the per-client rate limit (<see cref="ClientRateLimiting"/>) and validates <c>CdsLmn:RateLimit</c> at
/// start. The middleware (UseRateLimiter) is placed by Commands/ServiceHost, after authorization.
/// </summary>
internal static class RateLimitingRegistration
{
    public static IHostApplicationBuilder AddClientRateLimiting(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ClientRateLimitOptions>()
            .BindConfiguration(ClientRateLimitOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<ClientRateLimitOptions>>((limiter, limits) => ClientRateLimiting.Configure(limiter, limits.Value));
        return builder;
    }
}
