namespace CdsLmn.Service.Http;

/// <summary>Declares the error statuses an endpoint answers with a FHIR OperationOutcome, for the OpenAPI description.</summary>
internal static class OperationOutcomeMetadata
{
    public const string ContentType = "application/fhir+json";

    public static RouteHandlerBuilder ProducesOperationOutcomes(this RouteHandlerBuilder endpoint, params int[] statusCodes)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        foreach (var statusCode in statusCodes)
        {
            endpoint.Produces(statusCode, contentType: ContentType);
        }
        return endpoint;
    }
}
