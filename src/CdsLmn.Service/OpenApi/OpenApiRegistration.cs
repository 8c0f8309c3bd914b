namespace CdsLmn.Service.OpenApi;

/// <summary>
/// An OpenAPI description of the endpoints (discovery, each hook service, feedback, health) at
/// <c>/openapi/v1.json</c>, served in Development only: in production the integration contract is the discovery
/// document and docs/service-contract.md, and an unauthenticated description of the API is not served.
/// </summary>
internal static class OpenApiRegistration
{
    public const string DocumentPath = "/openapi/{documentName}.json";

    public static IHostApplicationBuilder AddApiDescription(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "CdsLmn — IVIg stewardship CDS Hooks service";
                document.Info.Description = "CDS Hooks 2.0.1 services; the wire rules are in docs/service-contract.md.";
                return Task.CompletedTask;
            });
            options.AddDocumentTransformer<CdsServicePathsTransformer>();
            options.AddDocumentTransformer<HealthPathsTransformer>();
        });
        return builder;
    }

    public static WebApplication MapApiDescription(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.MapOpenApi(DocumentPath);
        }
        return app;
    }
}
