using CdsLmn.Service.Health;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>
/// EHR (CDS client) authentication with a JWT (docs/cds-hooks-spec.md §6.2, §10 items 52–61): JwtBearer with issuer-aware
/// keys from allowlisted JWK Sets, the <see cref="PolicyName"/> policy for the <c>/cds-services</c> route group, and
/// start-up validation of <c>CdsLmn:Auth</c>.
/// </summary>
internal static class ClientAuthentication
{
    public const string SchemeName = "CdsClient";

    /// <summary>The authorization policy every <c>/cds-services</c> endpoint carries.</summary>
    public const string PolicyName = "cds-client";

    /// <summary>The named <see cref="HttpClient"/> that fetches allowlisted JWK Sets (no redirects, small bodies).</summary>
    public const string JwksHttpClientName = "cds-client-jwks";

    /// <summary>Service key of the <see cref="TimeProvider"/> used for token times, replay entries and JWKS refreshes.</summary>
    public const string ClockKey = "cds-client-auth";

    private const int MaxJwksBytes = 256 * 1024;

    public static IHostApplicationBuilder AddCdsClientAuthentication(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ClientAuthOptions>()
            .BindConfiguration(ClientAuthOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.PublicBaseUrl = configuration[ClientAuthOptions.PublicBaseUrlKey])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ClientAuthOptions>, ClientAuthOptionsValidator>();

        services.TryAddKeyedSingleton(ClockKey, (provider, _) => provider.GetService<TimeProvider>() ?? TimeProvider.System);
        services.TryAddSingleton<IJtiReplayCache, InMemoryJtiReplayCache>();
        services.AddSingleton<ClientKeyStore>();
        services.AddSingleton<ClientTokenEvents>();

        services.AddHttpClient(JwksHttpClientName, (provider, http) =>
            {
                http.Timeout = provider.GetRequiredService<IOptions<ClientAuthOptions>>().Value.JwksFetchTimeout;
                http.MaxResponseContentBufferSize = MaxJwksBytes;
            })
            // A redirect would take the fetch off the allowlisted URL.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        services.AddAuthentication().AddJwtBearer(SchemeName, _ => { });
        services.AddOptions<JwtBearerOptions>(SchemeName)
            .Configure<ClientKeyStore, IOptions<ClientAuthOptions>, IServiceProvider>((jwt, keys, auth, provider) =>
                ConfigureJwtBearer(jwt, keys, auth.Value, provider.GetRequiredKeyedService<TimeProvider>(ClockKey)));

        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>()
            .Configure<IOptions<ClientAuthOptions>>((authorization, auth) => authorization.AddPolicy(PolicyName, policy =>
            {
                if (auth.Value.Mode == ClientAuthMode.Disabled)
                {
                    policy.RequireAssertion(_ => true);
                }
                else
                {
                    policy.AddAuthenticationSchemes(SchemeName).RequireAuthenticatedUser();
                }
            }));

        services.AddHostedService<ClientAuthStartupNotice>();
        services.AddHealthChecks().AddCheck<ClientAuthHealthCheck>("client-auth", tags: [HealthEndpoints.ReadyTag]);
        return builder;
    }

    /// <summary>Authentication and authorization; must come after <c>UseCors()</c> so that 401s carry CORS headers and preflights need no token.</summary>
    public static WebApplication UseCdsClientAuthentication(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    private static void ConfigureJwtBearer(JwtBearerOptions jwt, ClientKeyStore keys, ClientAuthOptions auth, TimeProvider clock)
    {
        jwt.EventsType = typeof(ClientTokenEvents);
        jwt.MapInboundClaims = false;
        jwt.SaveToken = false;
        jwt.IncludeErrorDetails = false;
        jwt.RequireHttpsMetadata = true;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAlgorithms = ClientTokenRules.Algorithms,
            ValidTypes = [ClientTokenRules.TokenType],
            ValidateIssuer = true,
            ValidIssuers = auth.Clients.Select(c => c.Issuer).OfType<string>().ToList(),
            // The expected audience depends on the request: checked in ClientTokenEvents.TokenValidated.
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = auth.ClockSkew,
            LifetimeValidator = (notBefore, expires, _, parameters) => ValidateLifetime(notBefore, expires, parameters.ClockSkew, clock),
            TryAllIssuerSigningKeys = false,
            IssuerSigningKeyResolver = (_, token, kid, _) =>
                keys.GetSigningKeys((token as JsonWebToken)?.Issuer, kid, (token as JsonWebToken)?.Alg),
            IncludeTokenOnFailedValidation = false,
            SaveSigninToken = false,
        };
    }

    /// <summary><c>exp</c> required and not passed, <c>nbf</c> (if any) reached, both with the skew, on the auth clock.</summary>
    private static bool ValidateLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no exp.");
        }
        if (now > expires.Value.ToUniversalTime() + skew)
        {
            throw new SecurityTokenExpiredException("The token has expired.");
        }
        if (notBefore is { } nbf && now + skew < nbf.ToUniversalTime())
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.");
        }
        return true;
    }
}
