using CdsLmn.Service.Http;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Cors.Infrastructure;
namespace CdsLmn.Service.CdsHooks;

/// <summary>Registers and wires the CDS Hooks wire protocol: options, discovery, request reading, CORS, error bodies.</summary>
internal static class CdsHooksRegistration
{
    public static IHostApplicationBuilder AddCdsHooks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CdsHooksOptions>()
            .BindConfiguration(CdsHooksOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton(CdsServiceCatalog.LoadEmbedded());
        builder.Services.AddSingleton<HookRequestReader>();
        builder.Services.AddSingleton<HookHandler>();
        builder.Services.AddSingleton<HookAudit>();

        builder.Services.AddSingleton<IValidateOptions<CdsHooksOptions>, CdsHooksOptionsValidator>();
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<CdsHooksOptions>>((cors, hooks) =>
            CdsHooksCors.Configure(cors, hooks.Value.Cors.AllowedOrigins ?? (development ? ["*"] : [])));
        return builder;
    }

    /// <summary>
    /// Outermost middleware: CORS first (so its headers ride on every answer, errors included), then
    /// FHIR OperationOutcome bodies for anything the framework answers itself and for the unexpected.
    /// </summary>
    public static WebApplication UseCdsHooksPipeline(this WebApplication app)
    {
        app.UseExceptionHandler(errors => errors.Run(context =>
            OperationOutcomeResult.ForStatus(StatusCodes.Status500InternalServerError, "The service failed unexpectedly; the failure is logged.").ExecuteAsync(context)));
        app.UseStatusCodePages(context =>
            OperationOutcomeResult.ForStatus(context.HttpContext.Response.StatusCode, DescribeStatus(context.HttpContext)).ExecuteAsync(context.HttpContext));
        app.UseCors();
        return app;
    }

    private static string DescribeStatus(HttpContext context)
    {
        var request = $"{context.Request.Method} {context.Request.Path}";
        return context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => $"Nothing is served at {request}; GET /cds-services lists the services.",
            StatusCodes.Status405MethodNotAllowed => $"{request} is not allowed here.",
            StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
            _ => $"{request} failed with status {context.Response.StatusCode}.",
        };
    }
}
