using CdsLmn.Service.CdsHooks.Auth;
using CdsLmn.Service.CdsHooks.RateLimiting;
using CdsLmn.Service.Health;
using CdsLmn.Service.Http;
using CdsLmn.Service.Stewardship;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// Registers and maps the CDS Hooks wire protocol: options, discovery (and its readiness check), request reading,
/// the CORS policy, and the <c>/cds-services</c> routes whose handlers are in <see cref="CdsHooksEndpoints"/> and
/// <see cref="FeedbackEndpoint"/>.
/// </summary>
internal static class CdsHooksRegistration
{
    public static IHostApplicationBuilder AddCdsHooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CdsHooksOptions>()
            .BindConfiguration(CdsHooksOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ServiceModeOptions>()
            .BindConfiguration(ServiceModeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<CdsHooksOptions>, CdsHooksOptionsValidator>();

        builder.Services.AddSingleton(CdsServiceCatalog.LoadEmbedded());
        builder.Services.AddSingleton<HookRequestReader>();
        builder.Services.AddSingleton<HookHandler>();
        builder.Services.AddSingleton<HookAudit>();
        builder.Services.AddHealthChecks().AddCheck<DiscoveryHealthCheck>("discovery", tags: [HealthRegistration.ReadyTag]);

        var development = builder.Environment.IsDevelopment();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<CdsHooksOptions>>((cors, hooks) =>
            CdsHooksCors.Configure(cors, hooks.Value.Cors.AllowedOrigins ?? (development ? ["*"] : [])));
        return builder;
    }

    public static IEndpointRouteBuilder MapCdsHooks(this IEndpointRouteBuilder app)
    {
        var services = app.MapGroup("/cds-services").RequireCors(CdsHooksCors.PolicyName)
            .RequireAuthorization(ClientAuthentication.PolicyName) // every CDS endpoint, feedback included
            .RequireRateLimiting(ClientRateLimiting.PolicyName);
        services.MapGet("", CdsHooksEndpoints.GetDiscovery).WithName("discovery")
            .WithSummary("Discovery: the CDS services, exactly cds-services.json")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .ProducesOperationOutcomes(401, 429, 503);
        services.MapPost("{id}", CdsHooksEndpoints.CallServiceAsync).WithName("call-service").AddEndpointFilter<HookTimingFilter>()
            .WithSummary("Call a hook service: a CDS Hooks 2.0.1 request in, {\"cards\":[...]} out")
            .WithDescription("400 bad request, 412 evidence the decision needs could not be obtained; every error body is a FHIR OperationOutcome (docs/service-contract.md).")
            .ProducesOperationOutcomes(400, 401, 404, 412, 413, 415, 429, 503);
        services.MapPost("{id}/feedback", FeedbackEndpoint.PostFeedbackAsync).WithName("feedback")
            .WithSummary("CDS Hooks feedback on the service's cards: answers {\"received\":N,\"stored\":M}")
            .ProducesOperationOutcomes(400, 401, 404, 413, 415, 429, 503);
        return app;
    }

    /// <summary>With PostgreSQL, answers 503 at once during a database outage; place it before authentication.</summary>
    public static IApplicationBuilder UseStoreOutageGate(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return StorageOptions.UsesPostgres(app.Services) ? app.UseMiddleware<StoreOutageGate>() : app;
    }
}
