using Microsoft.AspNetCore.Cors.Infrastructure;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// CORS for browser clients such as the CDS Hooks sandbox (docs/cds-hooks-spec.md §6.3): preflight answers
/// without a JWT, Authorization and Content-Type are allowed, and the headers also ride on error responses
/// because the policy is applied before anything can fail. Credentials are never allowed.
/// </summary>
internal static class CdsHooksCors
{
    public const string PolicyName = "cds-clients";

    public static void Configure(CorsOptions cors, string[] allowedOrigins)
    {
        cors.AddPolicy(PolicyName, policy =>
        {
            if (allowedOrigins.Contains("*"))
            {
                policy.AllowAnyOrigin();
            }
            else
            {
                policy.WithOrigins(allowedOrigins);
            }
            policy.WithMethods("GET", "POST", "OPTIONS")
                .WithHeaders("Authorization", "Content-Type")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10));
        });
    }
}
