namespace CdsLmn.Service.Hosting;

/// <summary>
/// The builder behind a command that does not serve HTTP (report, check-fhir): configuration read as the service
/// reads it (ASPNETCORE_ENVIRONMENT, appsettings.{env}.json, environment variables) plus <c>settings</c> on top
/// (tests), the shared services (<see cref="SharedServicesRegistration"/>), and logging off so that standard output
/// carries only the command's result.
/// </summary>
internal static class CommandHostBuilder
{
    public static WebApplicationBuilder Create(IReadOnlyDictionary<string, string?>? settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders();
        builder.AddSharedServices();
        return builder;
    }
}
