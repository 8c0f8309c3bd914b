using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CdsLmn.Service.Stewardship.Postgres;

/// <summary>Ready when the shared database answers a query and its schema is migrated.</summary>
internal sealed class PostgresStoreHealthCheck(PostgresStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.ProbeAsync(cancellationToken);
            return HealthCheckResult.Healthy("audit database reachable");
        }
        catch (Exception e) when (store.IsUnavailable(e) || e is OperationCanceledException or InvalidOperationException)
        {
            // The description is ours: an Npgsql message may carry the host name, never a credential, but keep it out anyway.
            return HealthCheckResult.Unhealthy("the audit database cannot be reached");
        }
    }
}
