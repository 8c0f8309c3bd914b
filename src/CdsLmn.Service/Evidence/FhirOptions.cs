using System.ComponentModel.DataAnnotations;

namespace CdsLmn.Service.Evidence;

/// <summary>How we reach the EHR's FHIR server, bound from <c>CdsLmn:Fhir</c>.</summary>
internal sealed class FhirOptions
{
    public const string Section = "CdsLmn:Fhir";

    /// <summary>
    /// Base URLs we may call as <c>fhirServer</c> (scheme, host, port and path prefix must match; <c>:*</c>
    /// allows any port). Anything else is refused without a network contact.
    /// </summary>
    public string[] AllowedServers { get; set; } = [];

    /// <summary>Budget for all FHIR calls of one hook request, retries included.</summary>
    [Range(0.1, 30)]
    public double TimeoutSeconds { get; set; } = 2;

    /// <summary>Timeout of one HTTP attempt; a slow attempt is cut so a retry still fits in the budget.</summary>
    [Range(0.05, 30)]
    public double AttemptTimeoutSeconds { get; set; } = 1;

    /// <summary>Retries of a failed GET (5xx, 408, 429, network error), with jittered backoff.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>The first retry's delay; later ones grow exponentially, with jitter (a test can shorten it instead of waiting).</summary>
    [Range(0, 5000)]
    public int RetryDelayMilliseconds { get; set; } = 100;

    /// <summary>Pages of a search (first page included) we follow through <c>next</c> links.</summary>
    [Range(1, 50)]
    public int MaxPages { get; set; } = 5;

    /// <summary>Medication reads for order history we allow per request (each is one FHIR call).</summary>
    [Range(0, 50)]
    public int MaxMedicationReads { get; set; } = 10;

    /// <summary>
    /// Circuit breaker, one per FHIR server, fed one outcome per hook request (not per HTTP attempt): it opens when at
    /// least <see cref="BreakerMinimumThroughput"/> hook requests reached the server within <see cref="BreakerSamplingSeconds"/>
    /// and this share of them met a server fault (5xx, 408/429, timeout, network error, a body that is not JSON).
    /// </summary>
    [Range(0.1, 1)]
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Hook requests the breaker must have seen in its sampling window before it may open.</summary>
    [Range(2, 100_000)]
    public int BreakerMinimumThroughput { get; set; } = 20;

    /// <summary>The breaker's sampling window.</summary>
    [Range(0.5, 3600)]
    public double BreakerSamplingSeconds { get; set; } = 30;

    /// <summary>How long an open breaker answers "circuit open" without a call before it lets one probe request through.</summary>
    [Range(0.5, 600)]
    public double BreakerOpenSeconds { get; set; } = 15;

    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
