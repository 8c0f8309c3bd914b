using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
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
public static class TelemetryRegistration
{
    public const string ServiceName = "cdslmn";

    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.TryAddSingleton<CdsLmnMetrics>();

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = OutgoingUrlRedaction.Redact))
            .WithMetrics(metrics => metrics
                .AddMeter(CdsLmnMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());

        var options = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new();
        if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint) && Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            var protocol = options.OtlpProtocol == OtlpProtocol.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            telemetry.UseOtlpExporter(protocol, endpoint);
        }
        return builder;
    }
}
