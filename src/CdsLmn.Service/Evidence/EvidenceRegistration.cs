using System.Net;
using CdsLmn.Service.Telemetry;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CdsLmn.Service.Evidence;

/// <summary>Registers the evidence layer: options, the allowlist, and the "fhir" HttpClient with its resilience pipeline.</summary>
public static class EvidenceRegistration
{
    public static IHostApplicationBuilder AddEvidence(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FhirOptions>()
            .BindConfiguration(FhirOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.AttemptTimeoutSeconds <= o.TimeoutSeconds, $"{FhirOptions.Section}:AttemptTimeoutSeconds must not exceed {FhirOptions.Section}:TimeoutSeconds.")
            .Validate(o => o.AllowedServers.All(IsValidAllowlistEntry), $"{FhirOptions.Section}:AllowedServers must hold absolute http(s) base URLs (':*' for any port).")
            .ValidateOnStart();

        builder.Services.AddSingleton<FhirServerAllowlist>();
        builder.Services.AddSingleton<FhirQueryClient>();
        builder.Services.AddSingleton<EvidenceGatherer>();

        builder.Services.AddHttpClient(FhirQueryClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("fhir", ConfigureResilience)
            .SelectPipelineByAuthority(); // one circuit breaker per FHIR server
        return builder;
    }

    /// <summary>Retry (jittered, GETs only, Retry-After honoured when it fits the budget) → circuit breaker → per-attempt timeout.</summary>
    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<FhirOptions>>().Value;

        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(100),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(
                options.MaxRetries > 0
                && HttpClientResiliencePredicates.IsTransient(args.Outcome)
                && args.Outcome.Result?.RequestMessage?.Method == HttpMethod.Get
                && RetryAfterFits(args.Outcome.Result, options.Timeout)),
        });
        var metrics = context.ServiceProvider.GetRequiredService<CdsLmnMetrics>();
        var server = context.InstanceName; // the authority: SelectPipelineByAuthority makes one pipeline per FHIR server
        pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
        {
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumCalls,
            SamplingDuration = TimeSpan.FromSeconds(30),
            BreakDuration = TimeSpan.FromSeconds(options.BreakerOpenSeconds),
            OnOpened = _ => Report(BreakerState.Open),
            OnHalfOpened = _ => Report(BreakerState.HalfOpen),
            OnClosed = _ => Report(BreakerState.Closed),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));

        ValueTask Report(BreakerState state)
        {
            metrics.RecordCircuitState(server, state);
            return ValueTask.CompletedTask;
        }
    }

    private static bool RetryAfterFits(HttpResponseMessage? response, TimeSpan budget)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : null);
        return delay is null || delay < budget;
    }

    private static bool IsValidAllowlistEntry(string entry) =>
        Uri.TryCreate(entry.EndsWith(":*", StringComparison.Ordinal) ? entry[..^2] : entry, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
