using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Telemetry;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenTelemetry.Trace;

namespace CdsLmn.Service.Tests.Pipeline.Telemetry;

/// <summary>The <c>CdsLmn</c> meter's instruments, URL redaction on outgoing spans, and the mode and telemetry options.</summary>
public sealed class TelemetryTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private readonly CdsLmnApp _app = appFixture.App;

    [Fact]
    public async Task RecordsTheServiceInstruments()
    {
        var metrics = _app.Services.GetRequiredService<CdsLmnMetrics>();
        var factory = _app.Services.GetRequiredService<IMeterFactory>();
        var measured = new ConcurrentBag<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == CdsLmnMetrics.MeterName && instrument.Meter.Scope == factory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => measured.Add((i.Name, v, Tags(t))));
        listener.SetMeasurementEventCallback<long>((i, v, t, _) => measured.Add((i.Name, v, Tags(t))));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => measured.Add((i.Name, v, Tags(t))));
        listener.Start();

        using var hook = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(TestData.Read("sandbox/order-select.json")));
        _app.Services.GetRequiredService<ICardLedger>().RecordIssued(IssuedCards.Card(shadow: true, row: 4));
        metrics.RecordFhirCall("Observation", "200", TimeSpan.FromMilliseconds(12));
        metrics.RecordCircuitState("https://user:secret@ehr.example:8443/fhir?access_token=abc", BreakerState.Open);
        metrics.RecordAuthFailure("signature");
        listener.RecordObservableInstruments();

        Assert.Equal(HttpStatusCode.OK, hook.StatusCode);
        Assert.Contains(measured, m => m.Name == "cdslmn.hook.duration" && Equals(m.Tags["service"], "ivig-lmn-order-select") && m.Value >= 0);
        Assert.Contains(measured, m => m.Name == "cdslmn.cards" && Equals(m.Tags["row"], 4) && Equals(m.Tags["indicator"], "warning") && Equals(m.Tags["mode"], "shadow"));
        Assert.Contains(measured, m => m.Name == "cdslmn.fhir.calls" && Equals(m.Tags["resource_type"], "Observation") && Equals(m.Tags["status"], "200"));
        Assert.Contains(measured, m => m.Name == "cdslmn.fhir.duration" && m.Value == 12);
        Assert.Contains(measured, m => m.Name == "cdslmn.fhir.circuit_state" && m.Value == 2 && Equals(m.Tags["server"], "https://ehr.example:8443"));
        Assert.Contains(measured, m => m.Name == "cdslmn.auth.failures" && Equals(m.Tags["reason"], "signature"));
    }

    [Fact]
    public async Task TagsUnknownServiceIdsAsUnknown()
    {
        var factory = _app.Services.GetRequiredService<IMeterFactory>();
        var services = new ConcurrentBag<object?>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "cdslmn.hook.duration" && instrument.Meter.Scope == factory)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, _, t, _) => services.Add(Tags(t)["service"]));
        listener.Start();

        using var response = await _app.CreateClient().PostAsync("/cds-services/random-4711", TestData.Json("{}"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("unknown", services);
        Assert.DoesNotContain("random-4711", services);
    }

    [Fact]
    public async Task OutgoingSpansCarryNoQueryStringOrIds()
    {
        var spans = new List<Activity>();
        await using var traced = _app.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans))));
        _ = traced.Services; // starts the host and its tracer provider; the instrumentation sees every HttpClient
        using var client = new HttpClient();

        foreach (var url in new[] { "http://127.0.0.1:1/fhir/r4/Observation?patient=pat-123&code=29463-7", "http://127.0.0.1:1/fhir/r4/Patient/pat-123/$everything" })
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri(url)));
        }
        traced.Services.GetRequiredService<TracerProvider>().ForceFlush();

        // Other test classes make HTTP calls in parallel: keep the spans of calls to port 1.
        var ours = spans.Where(s => s.Kind == ActivityKind.Client && Equals(s.GetTagItem("server.port"), 1)).ToList();
        var urls = ours.Select(s => s.GetTagItem("url.full") as string).ToList();
        Assert.Equal(["http://127.0.0.1:1/*/*/Observation", "http://127.0.0.1:1/*/*/Patient/*/$everything"], urls);
        Assert.DoesNotContain(ours.SelectMany(s => s.TagObjects), t => t.Value?.ToString()?.Contains("pat-123", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData(null, nameof(ServiceMode.Active))]
    [InlineData("Shadow", nameof(ServiceMode.Shadow))]
    [InlineData("active", nameof(ServiceMode.Active))]
    public async Task BindsTheMode(string? configured, string expected)
    {
        await using var configuredApp = _app.WithWebHostBuilder(b =>
        {
            if (configured is not null)
            {
                b.UseSetting("CdsLmn:Mode", configured);
            }
        });

        Assert.Equal(Enum.Parse<ServiceMode>(expected), configuredApp.Services.GetRequiredService<IOptions<ServiceModeOptions>>().Value.Mode);
    }

    [Theory]
    [InlineData("CdsLmn:Mode", "Loud")]
    [InlineData("CdsLmn:Mode", "7")]
    [InlineData("CdsLmn:Telemetry:OtlpEndpoint", "not a url")]
    [InlineData("CdsLmn:Storage:PatientIdSalt", "short")]
    [InlineData("CdsLmn:Fhir:BreakerMinimumThroughput", "1")]
    [InlineData("CdsLmn:Fhir:BreakerSamplingSeconds", "0.1")]
    [InlineData("CdsLmn:Fhir:BreakerFailureRatio", "0")]
    [InlineData("CdsLmn:Fhir:BreakerOpenSeconds", "0.1")]
    public async Task RefusesToStartWithABadSetting(string key, string value)
    {
        var logs = new LogCapture();
        await using var configuredApp = _app.WithWebHostBuilder(b => b.UseSetting(key, value).ConfigureLogging(l => l.AddProvider(logs)));

        var failure = Assert.ThrowsAny<Exception>(() => configuredApp.Services);

        // A host that fails to start sometimes surfaces as ObjectDisposedException; it logs the real failure either way.
        var evidence = failure + "\n" + logs.AllText;
        Assert.True(evidence.Contains(key.Split(':')[^1], StringComparison.Ordinal), evidence);
    }

    [Theory]
    [InlineData("Grpc", "http://127.0.0.1:4317")]
    [InlineData("HttpProtobuf", "http://127.0.0.1:4318/")]
    public async Task StartsWithAnOtlpEndpoint(string protocol, string endpoint)
    {
        await using var exporting = _app.WithWebHostBuilder(b => b
            .UseSetting("CdsLmn:Telemetry:OtlpEndpoint", endpoint)
            .UseSetting("CdsLmn:Telemetry:OtlpProtocol", protocol));

        using var response = await exporting.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }
        return copy;
    }
}
