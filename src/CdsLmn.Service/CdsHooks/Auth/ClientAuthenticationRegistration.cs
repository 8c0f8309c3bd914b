using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Health;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>
/// Registers EHR (CDS client) authentication: start-up validation of <c>CdsLmn:Auth</c>, the JWK Set client and key
/// store, the JwtBearer scheme (<see cref="ClientJwtBearerSetup"/>), the <see cref="ClientAuthentication.PolicyName"/>
/// policy and the readiness check. The middleware (UseAuthentication, UseAuthorization) is placed by
/// Commands/ServiceHost, after CORS.
/// </summary>
internal static class ClientAuthenticationRegistration
{
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

        // The shared clock (Hosting/SharedServicesRegistration) unless a test registered its own under the key first.
        services.TryAddKeyedSingleton(ClientAuthentication.ClockKey, (provider, _) => provider.GetRequiredService<TimeProvider>());
        // Replicas sharing a PostgreSQL store share the replay record; a single process keeps it in memory.
        services.TryAddSingleton<IJtiReplayCache>(provider => StorageOptions.UsesPostgres(provider)
            ? ActivatorUtilities.CreateInstance<SharedJtiReplayCache>(provider)
            : ActivatorUtilities.CreateInstance<InMemoryJtiReplayCache>(provider));
        // Replay protection fails closed, and says so with 503 rather than 401 (see the handler).
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StoreOutageChallengeHandler>();
        services.AddSingleton<ClientKeyStore>();
        services.AddSingleton<ClientTokenEvents>();

        services.AddHttpClient(ClientAuthentication.JwksHttpClientName, (provider, http) =>
            {
                http.Timeout = provider.GetRequiredService<IOptions<ClientAuthOptions>>().Value.JwksFetchTimeout;
                http.MaxResponseContentBufferSize = MaxJwksBytes;
            })
            // A redirect would take the fetch off the allowlisted URL.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });

        services.AddAuthentication().AddJwtBearer(ClientAuthentication.SchemeName, _ => { });
        services.AddOptions<JwtBearerOptions>(ClientAuthentication.SchemeName)
            .Configure<ClientKeyStore, IOptions<ClientAuthOptions>, IServiceProvider>((jwt, keys, auth, provider) =>
                ClientJwtBearerSetup.Configure(jwt, keys, auth.Value, provider.GetRequiredKeyedService<TimeProvider>(ClientAuthentication.ClockKey)));

        services.AddAuthorization();
        services.AddOptions<AuthorizationOptions>()
            .Configure<IOptions<ClientAuthOptions>>((authorization, auth) => authorization.AddPolicy(ClientAuthentication.PolicyName, policy =>
            {
                if (auth.Value.Mode == ClientAuthMode.Disabled)
                {
                    policy.RequireAssertion(_ => true);
                }
                else
                {
                    policy.AddAuthenticationSchemes(ClientAuthentication.SchemeName).RequireAuthenticatedUser();
                }
            }));

        services.AddHostedService<ClientAuthStartupNotice>();
        services.AddHealthChecks().AddCheck<ClientAuthHealthCheck>("client-auth", tags: [HealthRegistration.ReadyTag]);
        return builder;
    }
}
