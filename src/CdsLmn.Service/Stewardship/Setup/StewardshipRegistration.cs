using CdsLmn.Service.Stewardship.Postgres;
using CdsLmn.Service.Stewardship.Sqlite;
using CdsLmn.Service.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Stewardship.Setup;

/// <summary>
/// Registers the audit store (issued cards and feedback), its write-behind writer, the report query and retention. <c>CdsLmn:Storage:Provider</c> picks the embedded SQLite store (default) or the
/// PostgreSQL database shared by replicas, which also holds the <c>jti</c> replay table (client authentication chooses
/// its replay cache from the same setting). The provider is read when
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

        var services = builder.Services;
        services.AddSingleton<SqliteStore>();
        services.AddSingleton<PostgresStore>();
        services.AddSingleton<ILedgerDatabase>(provider => StorageOptions.UsesPostgres(provider)
            ? provider.GetRequiredService<PostgresStore>()
            : provider.GetRequiredService<SqliteStore>());
        services.AddSingleton<IPatientIdHasher, LedgerPatientIdHasher>();
        services.AddSingleton<LedgerQueue>();
        services.AddSingleton<ICardLedger, CardLedger>();
        services.AddSingleton<IStewardshipQuery, StewardshipQuery>();
        services.AddHostedService<IssuedCardWriter>();
        services.AddHostedService(provider => new StoreMaintenance(
            provider.GetRequiredService<ILedgerDatabase>(),
            StorageOptions.UsesPostgres(provider) ? provider.GetRequiredService<PostgresStore>() : null,
            provider.GetRequiredService<IOptions<StorageOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<StoreMaintenance>>()));

        services.AddHealthChecks().Add(new HealthCheckRegistration(
            "audit-store",
            provider => StorageOptions.UsesPostgres(provider)
                ? ActivatorUtilities.CreateInstance<PostgresStoreHealthCheck>(provider)
                : ActivatorUtilities.CreateInstance<SqliteStoreHealthCheck>(provider),
            failureStatus: null,
            tags: [HealthRegistration.ReadyTag],
            timeout: StoreCheckTimeout));
        return builder;
    }
}
