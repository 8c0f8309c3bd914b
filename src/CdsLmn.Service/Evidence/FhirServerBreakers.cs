using System.Collections.Concurrent;
using CdsLmn.Service.Telemetry;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// One circuit breaker per FHIR server (scheme, host and port), fed one outcome per hook request: the whole FHIR
/// round of a request, retries included, is one sample, so a single bad request cannot open it, while a server that
/// fails most requests in the sampling window is left alone (callers fail at once, no HTTP) until the break ends and
/// one probe request is let through (half-open): its success closes the breaker, its failure opens it again.
/// </summary>
internal sealed class FhirServerBreakers(IOptions<FhirOptions> options, [FromKeyedServices(FhirServerBreakers.ClockKey)] TimeProvider clock, CdsLmnMetrics metrics)
{
    /// <summary>The keyed <see cref="TimeProvider"/> the breakers read (tests swap in a fake clock without touching the HTTP retries).</summary>
    public const string ClockKey = "fhir-breaker";

    private readonly ConcurrentDictionary<string, ResiliencePipeline<FhirRound>> _breakers = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Runs one hook request's FHIR round through the breaker of <paramref name="server"/>.</summary>
    /// <exception cref="BrokenCircuitException">The breaker is open (or half-open with its probe under way): nothing was called.</exception>
    public ValueTask<FhirRound> ExecuteAsync(Uri server, Func<CancellationToken, ValueTask<FhirRound>> round, CancellationToken cancellationToken) =>
        _breakers.GetOrAdd(server.GetLeftPart(UriPartial.Authority), Create).ExecuteAsync(static (round, ct) => round(ct), round, cancellationToken);

    private ResiliencePipeline<FhirRound> Create(string authority)
    {
        var o = options.Value;
        var builder = new ResiliencePipelineBuilder<FhirRound> { TimeProvider = clock };
        return builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<FhirRound>
        {
            FailureRatio = o.BreakerFailureRatio,
            MinimumThroughput = o.BreakerMinimumThroughput,
            SamplingDuration = TimeSpan.FromSeconds(o.BreakerSamplingSeconds),
            BreakDuration = TimeSpan.FromSeconds(o.BreakerOpenSeconds),
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { ServerFault: true } || args.Outcome.Exception is not (null or OperationCanceledException)),
            OnOpened = _ => Report(authority, BreakerState.Open),
            OnHalfOpened = _ => Report(authority, BreakerState.HalfOpen),
            OnClosed = _ => Report(authority, BreakerState.Closed),
        }).Build();
    }

    private ValueTask Report(string authority, BreakerState state)
    {
        metrics.RecordCircuitState(authority, state);
        return ValueTask.CompletedTask;
    }
}
