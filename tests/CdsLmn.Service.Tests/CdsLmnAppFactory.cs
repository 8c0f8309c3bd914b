using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CdsLmn.Service.Tests;

/// <summary>The real service, in process, with the real ASP.NET Core pipeline. One per test class.</summary>
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("CdsLmn:Storage:SqlitePath", SqlitePath);
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
