using System.Globalization;
using CdsLmn.Service.CdsHooks.Auth;
using CdsLmn.Service.Evidence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CdsLmn.Service.Tests.Support;

/// <summary>
/// The real service, in process, with the real ASP.NET Core pipeline, as <see cref="AppSettings"/> describe it. It owns
/// what it runs against: the fake EHR (<see cref="Ehr"/>: FHIR server and JWK Sets), the captured log, its store and its
/// clocks. One per test class (breaker state, rate limits and the replay cache persist across calls).
/// </summary>
public sealed class CdsLmnApp : WebApplicationFactory<Program>
{
    /// <summary>The public base URL configured with <see cref="AppAuth.WireMockEhr"/>, as behind a proxy.</summary>
    public const string PublicBaseUrl = "https://cds.example.org";

    /// <summary>A further audience base configured with <see cref="AppAuth.WireMockEhr"/> (<c>CdsLmn:Auth:Audiences</c>).</summary>
    public const string RegisteredAudience = "https://registered.example.org/cds-hooks";

    private readonly Lazy<FakeEhr> _ehr;
    private bool _cleanedUp;

    public CdsLmnApp()
        : this(AppSettings.Development)
    {
    }

    public CdsLmnApp(AppSettings settings)
    {
        Settings = settings;
        SqlitePath = settings.SharedSqlitePath ?? TestStore.NewPath();
        _ehr = new(() => new FakeEhr());
        AuthClock = settings.ManualAuthClock ? new ManualClock(DateTimeOffset.UtcNow) : null;
        BreakerClock = settings.FakeBreakerClock ? new FakeTimeProvider() : null;
    }

    public static string ProductionExamplePath { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "deploy", "appsettings.Production.example.json");

    public AppSettings Settings { get; }

    /// <summary>The SQLite store file (unused on PostgreSQL and with the deploy example).</summary>
    public string SqlitePath { get; }

    /// <summary>The EHR: its FHIR server and JWK Sets, on a WireMock server started on first use and stopped with the app.</summary>
    public FakeEhr Ehr => _ehr.Value;

    internal LogCapture Logs { get; } = new();

    /// <summary>The auth clock when <see cref="AppSettings.ManualAuthClock"/>; otherwise the real clock is used.</summary>
    internal ManualClock? AuthClock { get; }

    /// <summary>The breakers' clock when <see cref="AppSettings.FakeBreakerClock"/>.</summary>
    public FakeTimeProvider? BreakerClock { get; }

    /// <summary>The time the service's client authentication sees.</summary>
    public DateTimeOffset Now => AuthClock?.GetUtcNow() ?? DateTimeOffset.UtcNow;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Settings.Environment);
        if (Settings.DeployExample)
        {
            builder.ConfigureAppConfiguration(configuration => configuration
                .AddJsonFile(ProductionExamplePath, optional: false)
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    ["ConnectionStrings:CdsLmn"] = "Host=127.0.0.1;Port=9;Database=cdslmn;Username=cdslmn;Timeout=1;Command Timeout=1",
                    ["Logging:LogLevel:Default"] = "Warning",
                }));
        }
        else
        {
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("CdsLmn:Storage:SqlitePath", SqlitePath);
        }
        if (Settings.PostgresConnectionString is { } connectionString)
        {
            builder.UseSetting("CdsLmn:Storage:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:CdsLmn", connectionString);
        }
        foreach (var (key, value) in AuthConfiguration().Concat(Settings.Configuration))
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(Logs);
            if (Settings.Logs == AppLogs.Everything)
            {
                logging.AddFilter<LogCapture>(null, LogLevel.Trace);
            }
        });
        builder.ConfigureTestServices(services =>
        {
            if (AuthClock is { } authClock)
            {
                services.AddKeyedSingleton<TimeProvider>(ClientAuthentication.ClockKey, authClock);
            }
            if (BreakerClock is { } breakerClock)
            {
                services.AddKeyedSingleton<TimeProvider>(FhirServerBreakers.ClockKey, breakerClock);
            }
        });
    }

    private IEnumerable<KeyValuePair<string, string?>> AuthConfiguration() => Settings.Auth switch
    {
        AppAuth.WireMockEhr =>
        [
            new("CdsLmn:Auth:Mode", "Required"),
            new("CdsLmn:Auth:JwksFetchTimeout", "00:00:30"), // a slow CI machine must not turn WireMock's warm-up into a 401
            new("CdsLmn:PublicBaseUrl", PublicBaseUrl),
            new("CdsLmn:Auth:Audiences:0", RegisteredAudience),
            new("CdsLmn:Auth:Clients:0:Issuer", FakeEhr.Issuer),
            new("CdsLmn:Auth:Clients:0:JwksUrl", Ehr.ServeJwks().JwksUrl),
            new("CdsLmn:Auth:Clients:1:Issuer", FakeEhr.TenantIssuer),
            new("CdsLmn:Auth:Clients:1:Jwks", TestSigningKey.JwkSet(Ehr.TenantKey)),
            new("CdsLmn:Auth:Clients:1:Tenants:0", FakeEhr.Tenant),
        ],
        AppAuth.InlineKeyOnly =>
        [
            new("CdsLmn:Auth:Mode", "Required"),
            new("CdsLmn:Auth:Clients:0:Issuer", FakeEhr.InlineIssuer),
            new("CdsLmn:Auth:Clients:0:Jwks", TestSigningKey.JwkSet(Ehr.Rs384)),
        ],
        _ => [],
    };

    public override async ValueTask DisposeAsync()
    {
        try
        {
            await base.DisposeAsync();
        }
        catch (Exception e) when (Settings.StartMayFail && e is InvalidOperationException or AggregateException or ObjectDisposedException)
        {
            // A host that never started may refuse to stop cleanly.
        }
        finally
        {
            CleanUp();
        }
        GC.SuppressFinalize(this);
    }

    private void CleanUp()
    {
        if (_cleanedUp)
        {
            return;
        }
        _cleanedUp = true;
        if (_ehr.IsValueCreated)
        {
            _ehr.Value.Dispose();
        }
        if (Settings.SharedSqlitePath is null)
        {
            TestStore.Delete(SqlitePath);
        }
    }

    /// <summary>A number as configuration writes it.</summary>
    public static string Setting(int value) => value.ToString(CultureInfo.InvariantCulture);
}
