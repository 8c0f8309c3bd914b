using System.Diagnostics;
using CdsLmn.Service.Telemetry;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// Times every hook call into <c>cdslmn.hook.duration</c>, tagged with the service id — only ids the catalog
/// knows, so a caller cannot grow the tag set.
/// </summary>
internal sealed class HookTimingFilter(CdsLmnMetrics metrics, CdsServiceCatalog catalog) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await next(context);
        }
        finally
        {
            var id = context.HttpContext.Request.RouteValues["id"] as string;
            metrics.RecordHook(id is not null && catalog.Find(id) is not null ? id : "unknown", Stopwatch.GetElapsedTime(started));
        }
    }
}
