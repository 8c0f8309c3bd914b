using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CdsLmn.Service.OpenApi;

/// <summary>The health endpoints are health-check middleware, not route handlers, so the generator does not see them: described here.</summary>
internal sealed class HealthPathsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths["/health/live"] = Get("Liveness: the process answers", "Healthy", "");
        document.Paths["/health/ready"] = Get(
            "Readiness: discovery loaded, the store reachable, client authentication configured",
            "Ready (Healthy, or Degraded when client authentication is disabled): JSON with the overall status and each check's status and description",
            "Not ready, e.g. the shared database cannot be reached");
        return Task.CompletedTask;
    }

    private static OpenApiPathItem Get(string summary, string ok, string unavailable)
    {
        var responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = ok } };
        if (unavailable.Length > 0)
        {
            responses["503"] = new OpenApiResponse { Description = unavailable };
        }
        var item = new OpenApiPathItem();
        item.AddOperation(HttpMethod.Get, new OpenApiOperation { Summary = summary, Responses = responses });
        return item;
    }
}
