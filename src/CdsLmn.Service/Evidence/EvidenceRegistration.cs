using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace CdsLmn.Service.Evidence;

/// <summary>Registers the evidence layer: options, the allowlist, and the "fhir" HttpClient with its resilience pipeline.</summary>
internal static class EvidenceRegistration
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
        builder.Services.AddSingleton<FhirServerBreakers>();
        // The shared clock (Hosting/SharedServicesRegistration) unless a test registered its own under the key first.
        builder.Services.TryAddKeyedSingleton(FhirServerBreakers.ClockKey, (provider, _) => provider.GetRequiredService<TimeProvider>());

        builder.Services.AddHttpClient(FhirQueryClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("fhir", ConfigureResilience);
        return builder;
    }

    /// <summary>
    /// Retry (jittered, GETs only, Retry-After honoured when it fits the budget) → per-attempt timeout. The circuit
    /// breaker is not here: it counts hook requests, not HTTP attempts (<see cref="FhirServerBreakers"/>).
    /// </summary>
    private static void ConfigureResilience(ResiliencePipelineBuilder<HttpResponseMessage> pipeline, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptions<FhirOptions>>().Value;
        var clock = context.ServiceProvider.GetRequiredService<TimeProvider>();

        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = Math.Max(1, options.MaxRetries),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = TimeSpan.FromMilliseconds(options.RetryDelayMilliseconds),
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(
                options.MaxRetries > 0
                && HttpClientResiliencePredicates.IsTransient(args.Outcome)
                && args.Outcome.Result?.RequestMessage?.Method == HttpMethod.Get
                && RetryAfterFits(args.Outcome.Result, options.Timeout, clock)),
        });
        pipeline.AddTimeout(TimeSpan.FromSeconds(options.AttemptTimeoutSeconds));
    }

    private static bool RetryAfterFits(HttpResponseMessage? response, TimeSpan budget, TimeProvider clock)
    {
        var retryAfter = response?.Headers.RetryAfter;
        var delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - clock.GetUtcNow() : null);
        return delay is null || delay < budget;
    }

    private static bool IsValidAllowlistEntry(string entry) =>
        Uri.TryCreate(entry.EndsWith(":*", StringComparison.Ordinal) ? entry[..^2] : entry, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
}
