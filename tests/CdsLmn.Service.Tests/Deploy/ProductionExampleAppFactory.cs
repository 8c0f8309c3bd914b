using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace CdsLmn.Service.Tests.Deploy;

/// <summary>
/// The service in Production configured by deploy/appsettings.Production.example.json, as an operator would start it,
/// plus what comes from a secret: the PostgreSQL connection string (a closed loopback port here; an unreachable
/// database does not stop the start, readiness stays red).
/// </summary>
public sealed class ProductionExampleAppFactory : WebApplicationFactory<Program>
{
    public static string ExamplePath { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "deploy", "appsettings.Production.example.json");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration(configuration => configuration
            .AddJsonFile(ExamplePath, optional: false)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:CdsLmn"] = "Host=127.0.0.1;Port=9;Database=cdslmn;Username=cdslmn;Timeout=1;Command Timeout=1",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
    }
}
