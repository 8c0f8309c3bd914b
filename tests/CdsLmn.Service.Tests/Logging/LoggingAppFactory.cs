using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CdsLmn.Service.Tests.Logging;

/// <summary>
/// The service with its log captured under the levels it is configured with (appsettings.json), as an operator's
/// console would show them — unlike the auth tests' capture, which lifts every filter to Trace. The audit category
/// is kept at Information, as a site that routes it to its SIEM would.
/// </summary>
public sealed class LoggingAppFactory : CdsLmnAppFactory
{
    internal LogCapture Logs { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Logging:LogLevel:CdsLmn.Audit"] = "Information",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }
}
