using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CdsLmn.Service.Health;

/// <summary><c>/health/live</c> (the process answers) and <c>/health/ready</c> (configuration valid, dependencies reachable).</summary>
internal static class HealthEndpoints
{
    /// <summary>Checks with this tag make up <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddCheck<DiscoveryHealthCheck>("discovery", tags: [ReadyTag]);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteReportAsync });
        return app;
    }

    /// <summary>The overall status and each check's status and description, e.g. that client authentication is disabled.</summary>
    private static Task WriteReportAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        });
}

/// <summary>Ready when the discovery document lists at least one service.</summary>
internal sealed class DiscoveryHealthCheck(CdsHooks.CdsServiceCatalog catalog) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(catalog.Services.Count > 0
            ? HealthCheckResult.Healthy($"{catalog.Services.Count} services")
            : HealthCheckResult.Unhealthy("cds-services.json lists no service"));
}
