using CdsLmn.Service.CdsHooks.Models;
using Microsoft.AspNetCore.Http.HttpResults;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks;

/// <summary>The CDS Hooks routes: discovery and the hook services.</summary>
internal static class CdsHooksEndpoints
{
    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder app)
    {
        var services = app.MapGroup("/cds-services").RequireCors(CdsHooksCors.PolicyName)
            .RequireAuthorization(Auth.ClientAuthentication.PolicyName) // every CDS endpoint, feedback included
            .RequireRateLimiting(RateLimiting.ClientRateLimiting.PolicyName);
        services.MapGet("", GetDiscovery).WithName("discovery")
            .WithSummary("Discovery: the CDS services, exactly cds-services.json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesOperationOutcomes(401, 429, 503);
        services.MapPost("{id}", CallServiceAsync).WithName("call-service").AddEndpointFilter<HookTimingFilter>()
            .WithSummary("Call a hook service: a CDS Hooks 2.0.1 request in, {\"cards\":[...]} out")
            .WithDescription("400 bad request, 412 evidence the decision needs could not be obtained; every error body is a FHIR OperationOutcome (docs/service-contract.md).")
            .ProducesOperationOutcomes(400, 401, 404, 412, 413, 415, 429, 503);
        services.MapPost("{id}/feedback", FeedbackEndpoint.PostFeedbackAsync).WithName("feedback")
            .WithSummary("CDS Hooks feedback on the service's cards: answers {\"received\":N,\"stored\":M}")
            .ProducesOperationOutcomes(400, 401, 404, 413, 415, 429, 503);
        return app;
    }

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

        var outcome = await handler.HandleAsync(call!, cancellationToken);
        return outcome.Error is { } failure ? failure : TypedResults.Json(outcome.Response!, CdsJson.Options);
    }
}
