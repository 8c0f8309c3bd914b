namespace CdsLmn.Service.Telemetry;

public enum OtlpProtocol
{
    Grpc,
    HttpProtobuf,
}
