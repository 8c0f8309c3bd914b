using CdsLmn.Service.Telemetry;

namespace CdsLmn.Service.Hosting;

/// <summary>
/// The services every part of the application shares, registered once here for both the web host
/// (Commands/ServiceHost) and the command host (<see cref="CommandHostBuilder"/>): the clock and the service's own
/// instruments. Nothing else registers them; the keyed clocks of client authentication and of the FHIR breakers
/// default to this <see cref="TimeProvider"/>.
/// </summary>
internal static class SharedServicesRegistration
{
    public static IHostApplicationBuilder AddSharedServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddMetrics(); // the IMeterFactory behind CdsLmnMetrics
        builder.Services.AddSingleton<CdsLmnMetrics>();
        return builder;
    }
}
