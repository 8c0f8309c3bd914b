using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace CdsLmn.Service.Tests;

/// <summary>
/// The real service, in process, with the real ASP.NET Core pipeline, in Development, on an audit store of
/// its own. One per test class.
/// </summary>
public class CdsLmnAppFactory : WebApplicationFactory<Program>
{
    private readonly bool _ownsStore;

    /// <summary>A fresh audit store of its own in the temp directory, deleted on dispose.</summary>
    public CdsLmnAppFactory()
        : this(TestStore.NewPath(), ownsStore: true)
    {
    }

    protected CdsLmnAppFactory(string sqlitePath, bool ownsStore)
    {
        SqlitePath = sqlitePath;
        _ownsStore = ownsStore;
    }

    public string SqlitePath { get; }

    /// <summary>Configuration this factory adds on top of appsettings (Development).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("CdsLmn:Storage:SqlitePath", SqlitePath);
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(Settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsStore)
        {
            TestStore.Delete(SqlitePath);
        }
        GC.SuppressFinalize(this);
    }
}

/// <summary>The service on a given store file, kept on dispose: for restart tests (a second factory on the same file).</summary>
public sealed class SharedStoreAppFactory(string sqlitePath) : CdsLmnAppFactory(sqlitePath, ownsStore: false);

/// <summary>
/// A service whose circuit breaker never opens and whose FHIR budget is generous, so each test sees the FHIR server's own
/// answer: a busy test machine never turns a first, cold call into a time-out.
/// </summary>
public sealed class NoBreakerAppFactory : CdsLmnAppFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["CdsLmn:Fhir:BreakerMinimumThroughput"] = "1000",
        ["CdsLmn:Fhir:TimeoutSeconds"] = "20",
        ["CdsLmn:Fhir:AttemptTimeoutSeconds"] = "10",
    };
}
