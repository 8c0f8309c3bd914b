using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CdsLmn.Service.Tests;

/// <summary>The real service, in process, with the real ASP.NET Core pipeline. One per test class.</summary>
public class CdsLmnAppFactory : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
