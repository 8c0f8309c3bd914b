using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CdsLmn.Service.CdsHooks;

/// <summary>Ready when the discovery document lists at least one service.</summary>
internal sealed class DiscoveryHealthCheck(CdsServiceCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(catalog.Services.Count > 0
            ? HealthCheckResult.Healthy($"{catalog.Services.Count} services")
            : HealthCheckResult.Unhealthy("cds-services.json lists no service"));
}
