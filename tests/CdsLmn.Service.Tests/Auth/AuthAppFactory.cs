using CdsLmn.Service.CdsHooks.Auth;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CdsLmn.Service.Tests.Auth;

/// <summary>
/// The service with <c>CdsLmn:Auth:Mode=Required</c>, trusting one EHR whose JWK Set is served by a WireMock "EHR"
/// (ES384 and RS384 keys made here), one EHR with an inline JWK Set and a tenant allowlist, and every log line captured.
/// The public base URL is configured, as behind a proxy, so audiences are <c>https://cds.example.org/...</c>.
/// </summary>
public class AuthAppFactory : CdsLmnAppFactory
{
    public const string Issuer = "https://ehr.example.org";
    public const string TenantIssuer = "https://tenant-ehr.example.org";
    public const string Tenant = "org-1";
    public const string PublicBaseUrl = "https://cds.example.org";
    public const string RegisteredAudience = "https://registered.example.org/cds-hooks";
    public const string JwksPath = "/ehr/jwks.json";
    public const string AttackerJwksPath = "/attacker/jwks.json";

    private int _jwksCalls;
    private int _attackerCalls;
    private string _jwks;

    public AuthAppFactory()
    {
        _jwks = TestSigningKey.JwkSet(Es384, Rs384);
        Ehr = WireMockServer.Start();
        Ehr.Given(Request.Create().WithPath(JwksPath).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(_ =>
            {
                Interlocked.Increment(ref _jwksCalls);
                return Volatile.Read(ref _jwks);
            }));
        Ehr.Given(Request.Create().WithPath(AttackerJwksPath).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(_ =>
            {
                Interlocked.Increment(ref _attackerCalls);
                return TestSigningKey.JwkSet(AttackerKey);
            }));
    }

    public WireMockServer Ehr { get; }

    internal TestSigningKey Es384 { get; } = TestSigningKey.Es384("es384-1");

    internal TestSigningKey Rs384 { get; } = TestSigningKey.Rs384("rs384-1");

    internal TestSigningKey TenantKey { get; } = TestSigningKey.Es384("tenant-es384-1");

    /// <summary>A key the EHR never published (same kid as <see cref="Es384"/>, used for forgeries).</summary>
    internal TestSigningKey AttackerKey { get; } = TestSigningKey.Es384("es384-1");

    internal LogCapture Logs { get; } = new();

    public string JwksUrl => Ehr.Url + JwksPath;

    public string AttackerJwksUrl => Ehr.Url + AttackerJwksPath;

    /// <summary>Requests for the allowlisted JWK Set, counted as WireMock answers them.</summary>
    public int JwksCalls => Volatile.Read(ref _jwksCalls);

    public int AttackerJwksCalls => Volatile.Read(ref _attackerCalls);

    /// <summary>The auth clock, when a test class controls it; otherwise the real clock is used.</summary>
    internal virtual ManualClock? AuthClock => null;

    public DateTimeOffset Now => AuthClock?.GetUtcNow() ?? DateTimeOffset.UtcNow;

    internal void Publish(params TestSigningKey[] keys) => Volatile.Write(ref _jwks, TestSigningKey.JwkSet(keys));

    /// <summary>A valid token of the WireMock-served EHR for the endpoint at <paramref name="path"/>.</summary>
    internal ClientToken Token(TestSigningKey key, string path) => ClientToken.Valid(key, Issuer, PublicBaseUrl + path, Now);

    internal ClientToken TenantToken(string path) =>
        ClientToken.Valid(TenantKey, TenantIssuer, PublicBaseUrl + path, Now).With(t => t.Payload["tenant"] = Tenant);

    protected virtual IEnumerable<KeyValuePair<string, string>> AuthSettings() =>
    [
        new("CdsLmn:Auth:Mode", "Required"),
        new("CdsLmn:Auth:JwksFetchTimeout", "00:00:30"), // a slow CI machine must not turn WireMock's warm-up into a 401
        new("CdsLmn:PublicBaseUrl", PublicBaseUrl),
        new("CdsLmn:Auth:Audiences:0", RegisteredAudience),
        new("CdsLmn:Auth:Clients:0:Issuer", Issuer),
        new("CdsLmn:Auth:Clients:0:JwksUrl", JwksUrl),
        new("CdsLmn:Auth:Clients:1:Issuer", TenantIssuer),
        new("CdsLmn:Auth:Clients:1:Jwks", TestSigningKey.JwkSet(TenantKey)),
        new("CdsLmn:Auth:Clients:1:Tenants:0", Tenant),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in AuthSettings())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>(null, LogLevel.Trace));
        builder.ConfigureTestServices(services =>
        {
            if (AuthClock is { } clock)
            {
                services.AddKeyedSingleton<TimeProvider>(ClientAuthentication.ClockKey, clock);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Ehr.Stop();
            Ehr.Dispose();
            foreach (var key in new[] { Es384, Rs384, TenantKey, AttackerKey })
            {
                key.Dispose();
            }
        }
    }
}
