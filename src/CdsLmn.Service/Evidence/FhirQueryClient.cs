using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CdsLmn.Clinical;
using CdsLmn.Service.Telemetry;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Polly.Timeout;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// GETs from the EHR's FHIR server through the "fhir" HttpClient and its resilience pipeline. Every call
/// carries the request's access token (when given) and goes only to the allowlisted <c>fhirServer</c>; next
/// links that leave it are refused. Failures become <see cref="EvidenceResult.Fail"/>, never exceptions.
/// </summary>
internal sealed partial class FhirQueryClient(
    IHttpClientFactory httpClientFactory, IOptions<FhirOptions> options, ResultRelevance relevance, CdsLmnMetrics metrics, TimeProvider clock, ILogger<FhirQueryClient> logger)
{
    public const string HttpClientName = "fhir";

    private static readonly MediaTypeWithQualityHeaderValue FhirJson = new("application/fhir+json");

    /// <summary>Runs a read (<c>Patient/123</c>) or a search (<c>Observation?…</c>) relative to <paramref name="server"/>, following next links.</summary>
    public async Task<EvidenceResult> GetAsync(FhirServer server, string relativeUrl, CancellationToken cancellationToken)
    {
        var (resourceType, isSearch) = Classify(relativeUrl);
        var expectedType = isSearch ? "Bundle" : resourceType;
        var url = new Uri(server.BaseWithSlash, relativeUrl);
        var resources = new List<Resource>();

        for (var page = 1; ; page++)
        {
            var result = await GetOneAsync(server, url, expectedType, isSearch, cancellationToken);
            if (result.Failed)
            {
                return result;
            }
            resources.AddRange(result.Resources);
            if (result.NextPage is null)
            {
                return EvidenceResult.Of(resources);
            }
            if (page >= options.Value.MaxPages)
            {
                return EvidenceResult.Fail($"more than {options.Value.MaxPages} pages of results");
            }
            if (!FhirServerAllowlist.IsUnder(server.BaseUrl, result.NextPage))
            {
                return EvidenceResult.Fail("a next link points outside fhirServer; not followed");
            }
            url = result.NextPage;
        }
    }

    /// <summary>The resource type of a relative read (<c>Patient/123</c>) or search (<c>Observation?…</c>), and which of the two it is.</summary>
    public static (string ResourceType, bool IsSearch) Classify(string relativeUrl)
    {
        var isSearch = relativeUrl.Contains('?', StringComparison.Ordinal) || !relativeUrl.Contains('/', StringComparison.Ordinal);
        return (relativeUrl.Split('?', '/')[0], isSearch);
    }

    /// <summary>Follows the next link of a prefetched Bundle; the link must lie under fhirServer.</summary>
    public async Task<EvidenceResult> FollowAsync(FhirServer server, EvidenceResult firstPage, CancellationToken cancellationToken)
    {
        if (firstPage.NextPage is null)
        {
            return firstPage;
        }
        if (!FhirServerAllowlist.IsUnder(server.BaseUrl, firstPage.NextPage))
        {
            return EvidenceResult.Fail("a next link points outside fhirServer; not followed");
        }

        var rest = await GetAsync(server, firstPage.NextPage.ToString(), cancellationToken);
        return rest.Failed ? rest : EvidenceResult.Of([.. firstPage.Resources, .. rest.Resources]);
    }

    private async Task<EvidenceResult> GetOneAsync(FhirServer server, Uri url, string expectedType, bool isSearch, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(FhirJson);
        if (server.AccessToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var started = clock.GetTimestamp();
        try
        {
            using var client = httpClientFactory.CreateClient(HttpClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var elapsed = clock.GetElapsedTime(started);
            metrics.RecordFhirCall(expectedType, ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture), elapsed);
            LogCall(expectedType, (int)response.StatusCode, elapsed.TotalMilliseconds);

            if (!isSearch && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                return EvidenceResult.None;
            }
            if (!response.IsSuccessStatusCode)
            {
                var answer = $"the FHIR server answered {(int)response.StatusCode}";
                return IsServerFault(response.StatusCode) ? EvidenceResult.Fault(answer) : EvidenceResult.Fail(answer);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
            return FhirPayload.Read(document.RootElement, expectedType, relevance);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            metrics.RecordFhirCall(expectedType, "timeout", clock.GetElapsedTime(started));
            return EvidenceResult.Fault("the FHIR time budget ran out");
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or JsonException or OperationCanceledException)
        {
            metrics.RecordFhirCall(expectedType, e is TimeoutRejectedException or OperationCanceledException ? "timeout" : "error", clock.GetElapsedTime(started));
            LogFailure(expectedType, e.GetType().Name);
            return EvidenceResult.Fault(e is JsonException ? "the FHIR server sent invalid JSON" : "the FHIR server could not be reached");
        }
    }

    /// <summary>Answers that say the server is in trouble; 4xx such as 401/403 are about this request and never open the breaker.</summary>
    private static bool IsServerFault(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    [LoggerMessage(Level = LogLevel.Debug, Message = "FHIR GET {ResourceType}: {Status} in {ElapsedMs:0} ms")]
    private partial void LogCall(string resourceType, int status, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FHIR GET {ResourceType} failed: {Failure}")]
    private partial void LogFailure(string resourceType, string failure);
}
