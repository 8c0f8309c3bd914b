using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CdsLmn.Service.Telemetry;

/// <summary>
/// OpenTelemetry traces (incoming ASP.NET Core requests, outgoing HttpClient calls with redacted URLs) and metrics
/// (<see cref="CdsLmnMetrics"/>, ASP.NET Core, HttpClient). Exported over OTLP only when
/// <c>CdsLmn:Telemetry:OtlpEndpoint</c> is set.
/// </summary>
internal static class TelemetryRegistration
{
    public const string ServiceName = "cdslmn";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // IHttpClientFactory's own logging opens a scope "HTTP GET <url>" per call, whatever the level, and a FHIR
        // read's URL holds the patient id (Patient/{id}); the redacted trace of each call is kept instead.
        builder.Services.ConfigureHttpClientDefaults(http => http.RemoveAllLoggers());

        // Whether an OTLP exporter exists at all is decided here, while services are still being registered, so the
        // section is read directly; the same section is bound and validated at start above, so a bad value still
        // refuses the start.
        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        var endpoint = !string.IsNullOrWhiteSpace(options.OtlpEndpoint) && Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var uri) ? uri : null;

        // Traces and metrics only: logs are not exported, so nothing a log line might hold leaves the process.
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing =>
            {
                tracing.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = OutgoingUrlRedaction.Redact);
                if (endpoint is not null)
                {
                    tracing.AddOtlpExporter(otlp => Configure(otlp, endpoint, options.OtlpProtocol, "v1/traces"));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CdsLmnMetrics.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (endpoint is not null)
                {
                    metrics.AddOtlpExporter(otlp => Configure(otlp, endpoint, options.OtlpProtocol, "v1/metrics"));
                }
            });
        return builder;
    }

    // gRPC takes the collector's base address; OTLP/HTTP wants the signal's path when the endpoint is set in code.
    private static void Configure(OtlpExporterOptions otlp, Uri endpoint, OtlpProtocol protocol, string signalPath)
    {
        otlp.Protocol = protocol == OtlpProtocol.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        otlp.Endpoint = protocol == OtlpProtocol.HttpProtobuf ? new Uri($"{endpoint.AbsoluteUri.TrimEnd('/')}/{signalPath}") : endpoint;
    }
}
