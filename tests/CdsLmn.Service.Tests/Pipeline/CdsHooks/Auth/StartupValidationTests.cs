using System.Net;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks.Auth;

/// <summary>A bad <c>CdsLmn:Auth</c> stops the service at start with a message naming the key.</summary>
public sealed class StartupValidationTests
{
    private const string Client = "CdsLmn:Auth:Clients:0";

    public static TheoryData<string, string[], string> BadConfigurations => new()
    {
        { "Production", ["CdsLmn:Auth:Mode=Required"], "CdsLmn:Auth:Clients" },
        { "Production", [$"{Client}:Issuer=https://ehr.example.org"], $"{Client} needs JwksUrl or Jwks" },
        { "Production", [$"{Client}:Issuer=https://ehr.example.org", $"{Client}:Jwks=not json"], $"{Client}:Jwks is not a JWK Set" },
        { "Production", [$"{Client}:Issuer=https://ehr.example.org", $$"""{{Client}}:Jwks={"keys":[{"kty":"oct","kid":"k","k":"c2VjcmV0"}]}"""], $"{Client}:Jwks has no usable key" },
        { "Production", [$"{Client}:Issuer=https://ehr.example.org", $"{Client}:JwksUrl=http://ehr.example.org/jwks.json"], $"{Client}:JwksUrl must be https (or loopback http)" },
        { "Production", [$"{Client}:Issuer=https://ehr.example.org", $"{Client}:JwksUrl=jwks.json"], $"{Client}:JwksUrl must be an absolute https URL" },
        { "Production", [$"{Client}:JwksUrl=https://ehr.example.org/jwks.json"], $"{Client}:Issuer is required" },
        { "Production", [$"{Client}:Issuer=https://ehr.example.org", $"{Client}:JwksUrl=https://ehr.example.org/jwks.json", "CdsLmn:PublicBaseUrl=cds.example.org"], "CdsLmn:PublicBaseUrl" },
        { "Development", ["CdsLmn:Auth:Mode=Required"], "CdsLmn:Auth:Clients" },
        { "Development", ["CdsLmn:RateLimit:PermitLimit=0"], "CdsLmn:RateLimit:PermitLimit" },
        { "Development", ["CdsLmn:RateLimit:Window=00:00:00"], "CdsLmn:RateLimit:Window" },
        { "Development", ["CdsLmn:Cors:AllowedOrigins:0=sandbox.cds-hooks.org"], "CdsLmn:Cors:AllowedOrigins:0 must be * or an origin" },
        { "Development", ["CdsLmn:Cors:AllowedOrigins:0=https://sandbox.cds-hooks.org/"], "CdsLmn:Cors:AllowedOrigins:0 must be * or an origin" },
        { "Development", ["CdsLmn:Fhir:RetryDelayMilliseconds=-1"], "RetryDelayMilliseconds" },
        { "Production", [$"{Client}:Issuer=https://ehr.example.org", $"{Client}:JwksUrl=https://ehr.example.org/jwks.json", "CdsLmn:Auth:Audiences:0=cds-hooks"], "CdsLmn:Auth:Audiences:0 must be a base URL" },
    };

    [Theory]
    [MemberData(nameof(BadConfigurations))]
    public void StopsTheServiceNamingTheKey(string environment, string[] settings, string expectedMessage)
    {
        using var app = Configured(environment, settings);

        var failure = Record.Exception(() => app.CreateClient());

        // The start-up exception reaches the factory, or (when the entry point's own Run() loses the race and
        // disposes the host first) an ObjectDisposedException does; the host logs the real failure either way.
        Assert.NotNull(failure);
        var evidence = failure + "\n" + app.Logs.AllText;
        Assert.True(evidence.Contains(expectedMessage, StringComparison.Ordinal), evidence);
    }

    [Theory]
    [InlineData("https://ehr.example.org/jwks.json")]
    [InlineData("http://127.0.0.1:9/jwks.json")]
    [InlineData("http://localhost:9/jwks.json")]
    public async Task StartsInProductionWithAnHttpsOrLoopbackJwksUrl(string jwksUrl)
    {
        using var app = Configured("Production", [$"{Client}:Issuer=https://ehr.example.org", $"{Client}:JwksUrl={jwksUrl}"]);

        using var ready = await app.CreateClient().GetAsync("/health/ready");
        using var discovery = await app.CreateClient().GetAsync("/cds-services");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, discovery.StatusCode);
    }

    [Fact]
    public async Task DevelopmentAllowsPlainHttpToAnyHost()
    {
        using var app = Configured("Development",
            ["CdsLmn:Auth:Mode=Required", $"{Client}:Issuer=https://ehr.example.org", $"{Client}:JwksUrl=http://ehr.example.org/jwks.json"]);

        using var ready = await app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    private static CdsLmnApp Configured(string environment, string[] settings) => new(new AppSettings
    {
        Environment = environment,
        Logs = AppLogs.Everything,
        StartMayFail = true,
        Configuration = settings.ToDictionary(s => s[..s.IndexOf('=')], s => (string?)s[(s.IndexOf('=') + 1)..]),
    });
}
