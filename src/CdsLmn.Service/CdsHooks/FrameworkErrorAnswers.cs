using CdsLmn.Service.Http;
using Microsoft.AspNetCore.Diagnostics;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// FHIR OperationOutcome bodies for the answers no endpoint writes: an unexpected failure (500, through the exception
/// handler) and a status the framework sets without a body (404, 405, 413…, through the status code pages).
/// </summary>
internal static class FrameworkErrorAnswers
{
    /// <summary>The exception handler's pipeline: a 500 OperationOutcome; the failure itself is logged by the handler.</summary>
    public static void Unexpected(IApplicationBuilder errors) => errors.Run(context =>
        OperationOutcomeResult.ForStatus(StatusCodes.Status500InternalServerError, "The service failed unexpectedly; the failure is logged.").ExecuteAsync(context));

    /// <summary>The status code pages' answer: an OperationOutcome describing the status.</summary>
    public static Task ForStatusAsync(StatusCodeContext context) =>
        OperationOutcomeResult.ForStatus(context.HttpContext.Response.StatusCode, DescribeStatus(context.HttpContext)).ExecuteAsync(context.HttpContext);

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
