using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CdsLmn.Service.Stewardship.Sqlite;

/// <summary>Ready when the audit store opens and answers a query (its file is writable and migrated).</summary>
internal sealed class SqliteStoreHealthCheck(SqliteStore store) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = store.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM settings;";
            command.ExecuteScalar();
            return Task.FromResult(HealthCheckResult.Healthy("audit store open"));
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("the audit store cannot be opened", e));
        }
    }
}
