using OperationOutcome = Hl7.Fhir.Model.OperationOutcome;
using Hl7.Fhir.Serialization;

namespace CdsLmn.Service.Http;

/// <summary>
/// Every non-2xx answer of this service: a FHIR <c>OperationOutcome</c> whose diagnostics tell an
/// integrator what was wrong. Diagnostics are written by us, never copied from tokens or clinical values.
/// </summary>
internal sealed class OperationOutcomeResult : IResult, IStatusCodeHttpResult
{
    private static readonly FhirJsonSerializer Serializer = new();

    // Long enough for a replica to notice the database is back (it probes every second).
    private const string RetryAfterSeconds = "5";

    private OperationOutcomeResult(int statusCode, OperationOutcome.IssueType code, string? diagnostics)
    {
        StatusCode = statusCode;
        Code = code;
        Diagnostics = diagnostics;
    }

    public int StatusCode { get; }

    public OperationOutcome.IssueType Code { get; }

    public string? Diagnostics { get; }

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public static OperationOutcomeResult BadRequest(string diagnostics) => new(StatusCodes.Status400BadRequest, OperationOutcome.IssueType.Invalid, diagnostics);

    public static OperationOutcomeResult NotFound(string diagnostics) => new(StatusCodes.Status404NotFound, OperationOutcome.IssueType.NotFound, diagnostics);

    public static OperationOutcomeResult PayloadTooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, OperationOutcome.IssueType.TooLong, $"The request body is larger than the limit of {limit} bytes.");

    public static OperationOutcomeResult UnsupportedMediaType(string? contentType) =>
        new(StatusCodes.Status415UnsupportedMediaType, OperationOutcome.IssueType.NotSupported,
            $"Content-Type must be application/json; got '{(string.IsNullOrEmpty(contentType) ? "none" : contentType)}'.");

    public static OperationOutcomeResult PreconditionFailed(string diagnostics) => new(StatusCodes.Status412PreconditionFailed, OperationOutcome.IssueType.Processing, diagnostics);

    public static OperationOutcomeResult TooManyRequests(long retryAfterSeconds) =>
        new(StatusCodes.Status429TooManyRequests, OperationOutcome.IssueType.Throttled,
            $"This client has made more calls than CdsLmn:RateLimit allows; retry after {retryAfterSeconds} s.");

    /// <summary>Authentication failures carry no detail (docs/cds-hooks-spec.md §6.2).</summary>
    public static OperationOutcomeResult Unauthorized() => new(StatusCodes.Status401Unauthorized, OperationOutcome.IssueType.Login, null);

    /// <summary>503 while the shared audit database cannot be reached; the client may retry after a few seconds.</summary>
    public static OperationOutcomeResult StoreUnavailable() => new(StatusCodes.Status503ServiceUnavailable, OperationOutcome.IssueType.Transient,
        "The service's audit database cannot be reached; nothing was recorded. Retry later.");

    /// <summary>For status codes produced by the framework (unknown route, wrong method, ...).</summary>
    public static OperationOutcomeResult ForStatus(int statusCode, string diagnostics) => new(statusCode, CodeFor(statusCode), diagnostics);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var outcome = new OperationOutcome
        {
            Issue =
            [
                new OperationOutcome.IssueComponent
                {
                    Severity = StatusCode >= 500 ? OperationOutcome.IssueSeverity.Fatal : OperationOutcome.IssueSeverity.Error,
                    Code = Code,
                    Diagnostics = Diagnostics,
                },
            ],
        };
        httpContext.Response.StatusCode = StatusCode;
        if (StatusCode == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = RetryAfterSeconds;
        }
        httpContext.Response.ContentType = OperationOutcomeMetadata.ContentType;
        await httpContext.Response.Body.WriteAsync(Serializer.SerializeToBytes(outcome), httpContext.RequestAborted);
    }

    private static OperationOutcome.IssueType CodeFor(int statusCode) => statusCode switch
    {
        StatusCodes.Status401Unauthorized => OperationOutcome.IssueType.Login,
        StatusCodes.Status403Forbidden => OperationOutcome.IssueType.Forbidden,
        StatusCodes.Status404NotFound => OperationOutcome.IssueType.NotFound,
        StatusCodes.Status405MethodNotAllowed => OperationOutcome.IssueType.NotSupported,
        StatusCodes.Status413PayloadTooLarge => OperationOutcome.IssueType.TooLong,
        StatusCodes.Status415UnsupportedMediaType => OperationOutcome.IssueType.NotSupported,
        StatusCodes.Status429TooManyRequests => OperationOutcome.IssueType.Throttled,
        >= 500 => OperationOutcome.IssueType.Exception,
        _ => OperationOutcome.IssueType.Invalid,
    };
}
