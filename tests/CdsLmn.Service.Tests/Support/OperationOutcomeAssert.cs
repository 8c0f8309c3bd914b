using System.Net;
using System.Text.Json;

namespace CdsLmn.Service.Tests.Support;

internal static class OperationOutcomeAssert
{
    /// <summary>Asserts the status and a FHIR OperationOutcome body; returns its diagnostics.</summary>
    public static async Task<string> IsOutcomeAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/fhir+json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("OperationOutcome", body.RootElement.GetProperty("resourceType").GetString());
        var issue = body.RootElement.GetProperty("issue")[0];
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        return issue.TryGetProperty("diagnostics", out var diagnostics) ? diagnostics.GetString()! : "";
    }
}
