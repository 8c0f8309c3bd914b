using CdsLmn.Service.Stewardship.Sqlite;
using CdsLmn.Service.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CdsLmn.Service.Stewardship;

/// <summary>
/// Registers the audit store (issued cards and feedback), its write-behind writer, the report query and the
/// <c>CdsLmn:Mode</c> option. The embedded SQLite store is the default and, today, the only one.
/// </summary>
public static class StewardshipRegistration
{
    // The tag /health/ready selects (Health/HealthEndpoints.cs).
    private const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddStewardship(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ServiceModeOptions>()
            .BindConfiguration(ServiceModeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<CdsLmnMetrics>();
        builder.Services.AddSingleton<SqliteStore>();
        builder.Services.AddSingleton<LedgerQueue>();
        builder.Services.AddSingleton<ICardLedger, SqliteCardLedger>();
        builder.Services.AddSingleton<IStewardshipQuery, SqliteStewardshipQuery>();
        builder.Services.AddHostedService<IssuedCardWriter>();
        builder.Services.AddHealthChecks().AddCheck<SqliteStoreHealthCheck>("audit-store", tags: [ReadyTag]);
        return builder;
    }
}
