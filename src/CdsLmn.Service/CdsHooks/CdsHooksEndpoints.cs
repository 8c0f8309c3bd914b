using CdsLmn.Service.CdsHooks.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks;

/// <summary>The handlers of the CDS Hooks routes (mapped in <see cref="CdsHooksRegistration"/>): discovery and the hook services.</summary>
internal static class CdsHooksEndpoints
{
    /// <summary>Serves <c>cds-services.json</c> exactly as shipped.</summary>
    public static FileContentHttpResult GetDiscovery(CdsServiceCatalog catalog) =>
        TypedResults.File(catalog.DiscoveryJson, "application/json");

    public static async Task<Results<JsonHttpResult<CdsResponse>, OperationOutcomeResult>> CallServiceAsync(
        string id, HttpRequest request, CdsServiceCatalog catalog, HookRequestReader reader, HookHandler handler, CancellationToken cancellationToken)
    {
        var service = catalog.Find(id);
        if (service is null)
        {
            return OperationOutcomeResult.NotFound($"No CDS service '{id}'; GET /cds-services lists the services.");
        }

        var (call, error) = await reader.ReadAsync(request, service, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var answer = await handler.HandleAsync(call!, cancellationToken);
        return answer.Error is { } failure ? failure : TypedResults.Json(answer.Response!, CdsJson.Options);
    }
}
