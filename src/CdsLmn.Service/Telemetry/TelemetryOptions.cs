using System.ComponentModel.DataAnnotations;

namespace CdsLmn.Service.Telemetry;

/// <summary>OpenTelemetry export, bound from <c>CdsLmn:Telemetry</c>. Nothing leaves the process unless an endpoint is set.</summary>
internal sealed class TelemetryOptions
{
    public const string Section = "CdsLmn:Telemetry";

    /// <summary><c>CdsLmn:Telemetry:OtlpEndpoint</c>: the OTLP collector's base URL (e.g. <c>http://collector:4317</c>); off when empty.</summary>
    [Url]
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>CdsLmn:Telemetry:OtlpProtocol</c>: <c>Grpc</c> (default) or <c>HttpProtobuf</c>.</summary>
    [EnumDataType(typeof(OtlpProtocol))]
    public OtlpProtocol OtlpProtocol { get; set; } = OtlpProtocol.Grpc;
}
