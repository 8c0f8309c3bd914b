using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CdsLmn.Service.Health;

/// <summary>
/// <c>/health/live</c> (the process answers) and <c>/health/ready</c> (configuration valid, dependencies reachable).
/// Each concern registers its own readiness check with <see cref="ReadyTag"/> (discovery in CdsHooks, client
/// authentication in CdsHooks/Auth, the audit store in Stewardship/Setup).
/// </summary>
internal static class HealthRegistration
{
    /// <summary>Checks with this tag make up <c>/health/ready</c>.</summary>
    public const string ReadyTag = "ready";

    /// <summary>The health check service the endpoints report from; the checks themselves come with their concerns.</summary>
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks();
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
