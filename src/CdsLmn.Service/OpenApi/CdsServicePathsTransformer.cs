using CdsLmn.Service.CdsHooks;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CdsLmn.Service.OpenApi;

/// <summary>
/// The hook and feedback routes are templates (<c>/cds-services/{id}</c>); an EHR team registers concrete paths, so
/// each template becomes one path per service of the discovery document, and the <c>id</c> parameter goes.
/// </summary>
internal sealed class CdsServicePathsTransformer(CdsServiceCatalog catalog) : IOpenApiDocumentTransformer
{
    private const string IdSegment = "{id}";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var (template, item) in document.Paths.Where(p => p.Key.Contains(IdSegment, StringComparison.Ordinal)).ToList())
        {
            document.Paths.Remove(template);
            foreach (var service in catalog.Services)
            {
                document.Paths[template.Replace(IdSegment, service.Id, StringComparison.Ordinal)] = ForService(item, service);
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiPathItem ForService(IOpenApiPathItem template, CdsService service)
    {
        var item = new OpenApiPathItem();
        foreach (var (method, operation) in template.Operations ?? [])
        {
            var concrete = new OpenApiOperation(operation)
            {
                OperationId = operation.OperationId is { } id ? $"{id}-{service.Id}" : null,
                Summary = $"{operation.Summary} ({service.Id}, hook {service.Hook})",
            };
            concrete.Parameters = concrete.Parameters?.Where(p => p.Name != "id").ToList();
            item.AddOperation(method, concrete);
        }
        return item;
    }
}
