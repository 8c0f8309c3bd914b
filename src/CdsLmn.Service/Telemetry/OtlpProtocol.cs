namespace CdsLmn.Service.Telemetry;

internal enum OtlpProtocol
{
    Grpc,
    HttpProtobuf,
}
