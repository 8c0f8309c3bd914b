using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>Readiness reports whether EHR authentication is on; switched off it is Degraded (still 200), never silent.</summary>
internal sealed class ClientAuthHealthCheck(IOptions<ClientAuthOptions> options) : IHealthCheck
{
    public const string DisabledDescription =
        "client authentication is DISABLED (CdsLmn:Auth:Mode=Disabled): any caller can use the CDS services";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(options.Value.Mode == ClientAuthMode.Disabled
            ? HealthCheckResult.Degraded(DisabledDescription)
            : HealthCheckResult.Healthy($"client authentication required; {options.Value.Clients.Count} trusted clients"));
}
