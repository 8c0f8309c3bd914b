using CdsLmn.Service.CdsHooks.Auth;
using CdsLmn.Service.Stewardship.Postgres;
using CdsLmn.Service.Stewardship.Sqlite;
using CdsLmn.Service.Health;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Stewardship.Setup;

/// <summary>
/// Registers the audit store (issued cards and feedback), its write-behind writer, the report query, retention and
/// the <c>CdsLmn:Mode</c> option. <c>CdsLmn:Storage:Provider</c> picks the embedded SQLite store (default) or the
/// PostgreSQL database shared by replicas, which also holds the <c>jti</c> replay record. The provider is read when
/// services are resolved, not here, so configuration added by a test host applies too.
/// </summary>
internal static class StewardshipRegistration
{
    // An unreachable database must turn readiness red, not hang the probe.
    private static readonly TimeSpan StoreCheckTimeout = TimeSpan.FromSeconds(5);

    public static IHostApplicationBuilder AddStewardship(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .Configure<IConfiguration>((options, configuration) => options.ConnectionString = configuration[StorageOptions.ConnectionStringKey])
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddOptions<ServiceModeOptions>()
            .BindConfiguration(ServiceModeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var services = builder.Services;
        services.AddSingleton<SqliteStore>();
        services.AddSingleton<PostgresStore>();
        services.AddSingleton<ILedgerDatabase>(provider => UsesPostgres(provider)
            ? provider.GetRequiredService<PostgresStore>()
            : provider.GetRequiredService<SqliteStore>());
        services.AddSingleton<IPatientIdHasher, LedgerPatientIdHasher>();
        services.AddSingleton<LedgerQueue>();
        services.AddSingleton<ICardLedger, CardLedger>();
        services.AddSingleton<IStewardshipQuery, StewardshipQuery>();
        services.AddHostedService<IssuedCardWriter>();
        services.AddHostedService(provider => new StoreMaintenance(
            provider.GetRequiredService<ILedgerDatabase>(),
            UsesPostgres(provider) ? provider.GetRequiredService<PostgresStore>() : null,
            provider.GetRequiredService<IOptions<StorageOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<StoreMaintenance>>()));

        // Replaces the in-memory record whichever of this and AddCdsClientAuthentication (TryAdd) runs first.
        services.Replace(ServiceDescriptor.Singleton<IJtiReplayCache>(provider => UsesPostgres(provider)
            ? ActivatorUtilities.CreateInstance<PostgresJtiReplayCache>(provider)
            : ActivatorUtilities.CreateInstance<InMemoryJtiReplayCache>(provider)));
        // Replay protection fails closed, and says so with 503 rather than 401 (see the handler).
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, StoreOutageChallengeHandler>();

        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "audit-store",
            provider => UsesPostgres(provider)
                ? ActivatorUtilities.CreateInstance<PostgresStoreHealthCheck>(provider)
                : ActivatorUtilities.CreateInstance<SqliteStoreHealthCheck>(provider),
            failureStatus: null,
            tags: [HealthRegistration.ReadyTag],
            timeout: StoreCheckTimeout));
        return builder;
    }

    /// <summary>With PostgreSQL, answers 503 at once during a database outage; place it before authentication.</summary>
    public static IApplicationBuilder UseStoreOutageGate(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return UsesPostgres(app.Services) ? app.UseMiddleware<PostgresOutageGate>() : app;
    }

    private static bool UsesPostgres(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres;
}
