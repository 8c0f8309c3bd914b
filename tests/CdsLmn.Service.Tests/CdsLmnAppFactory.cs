using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace CdsLmn.Service.Tests;

/// <summary>The real service, in process, with the real ASP.NET Core pipeline. One per test class.</summary>
public class CdsLmnAppFactory : WebApplicationFactory<Program>
{
    /// <summary>Configuration this factory adds on top of appsettings (Development).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(Settings));
    }
}

/// <summary>A service whose circuit breaker never opens, so each test sees the FHIR server's own answer.</summary>
public sealed class NoBreakerAppFactory : CdsLmnAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["CdsLmn:Fhir:BreakerMinimumCalls"] = "1000",
    };
}
