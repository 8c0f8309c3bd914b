using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks.Auth;

/// <summary>
/// docs/cds-hooks-spec.md §6.2 and §10 items 52–61 through the real pipeline, with <c>CdsLmn:Auth:Mode=Required</c>:
/// every refused token gets the same 401, and the accepted ones reach the hook or discovery.
/// </summary>
public sealed class ClientAuthenticationTests(AppFixture<Profiles.Auth> appFixture) : IClassFixture<AppFixture<Profiles.Auth>>
{
    private const string Hook = TestData.OrderSelectUrl;
    private const string SandboxOrigin = "https://sandbox.cds-hooks.org";
    private readonly CdsLmnApp _app = appFixture.App;

    /// <summary>Each refused case and the reason code the service must log for it (so each fails for the right reason).</summary>
    public static TheoryData<string, string> RefusedCases => new()
    {
        { "no Authorization header", "missing-token" },
        { "Basic credentials", "malformed" },
        { "bearer value that is not a JWT", "malformed" },
        { "three parts of garbage", "malformed" },
        { "alg none", "alg-not-allowed" },
        { "HS256 signed with the RSA public key", "alg-not-allowed" },
        { "HS256 signed with the published JWK text", "alg-not-allowed" },
        { "signed by another key under a published kid", "bad-signature" },
        { "RS384 naming the EC key's kid", "kid-unknown" },
        { "expired", "expired" },
        { "iat in the future", "iat-in-future" },
        { "lifetime over one hour", "lifetime-too-long" },
        { "aud of another service", "aud-mismatch" },
        { "aud of another host", "aud-mismatch" },
        { "discovery token used on a hook", "aud-mismatch" },
        { "hook token used on discovery", "aud-mismatch" },
        { "a configured audience base alone", "aud-mismatch" },
        { "a configured audience for discovery used on a hook", "aud-mismatch" },
        { "a configured audience for another service", "aud-mismatch" },
        { "unknown iss", "iss-unknown" },
        { "unknown kid", "kid-unknown" },
        { "no kid", "kid-missing" },
        { "no jti", "jti-missing" },
        { "no iat", "iat-missing" },
        { "no exp", "exp-missing" },
        { "typ at+jwt", "typ-not-jwt" },
        { "no typ", "typ-not-jwt" },
        { "crit naming an unknown extension", "crit-unsupported" },
        { "crit naming a registered header", "crit-unsupported" },
        { "crit that is not an array", "crit-unsupported" },
        { "tenant not on the allowlist", "tenant-not-allowed" },
        { "no tenant where an allowlist exists", "tenant-not-allowed" },
        { "no token for an unknown service id", "missing-token" },
    };

    [Theory]
    [MemberData(nameof(RefusedCases))]
    public async Task RefusesWith401AndNoDetail(string refusedCase, string loggedReason)
    {
        var (path, authorization) = Refused(refusedCase);
        var logged = _app.Logs.Entries.Count;

        using var response = await _app.SendAsync(path, authorization);

        await AuthCalls.IsUnauthorizedAsync(response);
        var warning = Assert.Single(_app.Logs.Entries.Skip(logged), e => e.Level == LogLevel.Warning && e.Category.EndsWith("ClientTokenEvents", StringComparison.Ordinal));
        Assert.Contains($"({loggedReason})", warning.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ES384")]
    [InlineData("RS384")]
    public async Task AcceptsAValidTokenOnAHook(string algorithm)
    {
        var key = algorithm == "ES384" ? _app.Ehr.Es384 : _app.Ehr.Rs384;

        using var response = await _app.SendAsync(Hook, _app.Token(key, Hook), key);

        await AuthCalls.IsSilentOkAsync(response);
    }

    [Theory]
    [InlineData("ES384")]
    [InlineData("RS384")]
    public async Task AcceptsTokensMadeByJsonWebTokenHandler(string algorithm)
    {
        var key = algorithm == "ES384" ? _app.Ehr.Es384 : _app.Ehr.Rs384;

        using var response = await _app.SendAsync(TestData.OrderSignUrl, "Bearer " + _app.Token(key, TestData.OrderSignUrl).SignedByLibrary(key));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task AcceptsAValidTokenOnDiscovery()
    {
        using var response = await _app.SendAsync(AuthCalls.Discovery, _app.Token(_app.Ehr.Es384, AuthCalls.Discovery), _app.Ehr.Es384);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(2, body.RootElement.GetProperty("services").GetArrayLength());
    }

    [Theory]
    [InlineData("an array holding the endpoint URL")]
    [InlineData("the endpoint URL with a trailing slash")]
    [InlineData("a configured audience")]
    [InlineData("a past nbf (as Epic sends)")]
    [InlineData("the allowlisted jku")]
    [InlineData("a fractional iat")]
    public async Task AcceptsLegitimateVariations(string variation)
    {
        var token = _app.Token(_app.Ehr.Es384, Hook);
        var now = _app.Now;
        switch (variation)
        {
            case "an array holding the endpoint URL":
                token.Payload["aud"] = new JsonArray("https://other.example.org", CdsLmnApp.PublicBaseUrl + Hook);
                break;
            case "the endpoint URL with a trailing slash":
                token.Payload["aud"] = CdsLmnApp.PublicBaseUrl + Hook + "/";
                break;
            case "a configured audience":
                token.Payload["aud"] = CdsLmnApp.RegisteredAudience + Hook;
                break;
            case "a past nbf (as Epic sends)":
                token.Payload["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds();
                break;
            case "the allowlisted jku":
                token.Header["jku"] = _app.Ehr.JwksUrl;
                break;
            case "a fractional iat":
                token.Payload["iat"] = now.ToUnixTimeSeconds() + 0.25;
                break;
        }

        using var response = await _app.SendAsync(Hook, token, _app.Ehr.Es384);

        await AuthCalls.IsSilentOkAsync(response);
    }

    [Fact]
    public async Task RefusesAReplayedJti()
    {
        var authorization = "Bearer " + _app.Token(_app.Ehr.Es384, Hook).SignedBy(_app.Ehr.Es384);

        using var first = await _app.SendAsync(Hook, authorization);
        using var replay = await _app.SendAsync(Hook, authorization);

        await AuthCalls.IsSilentOkAsync(first);
        await AuthCalls.IsUnauthorizedAsync(replay);
        Assert.Contains(_app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("jti-replayed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NeverFetchesAJkuOffTheAllowlist()
    {
        var token = _app.Token(_app.Ehr.Es384, Hook).With(t => t.Header["jku"] = _app.Ehr.AttackerJwksUrl);

        using var response = await _app.SendAsync(Hook, "Bearer " + token.SignedBy(_app.Ehr.AttackerKey));

        await AuthCalls.IsUnauthorizedAsync(response);
        Assert.Equal(0, _app.Ehr.AttackerJwksCalls);
        Assert.DoesNotContain(_app.Ehr.Server.LogEntries, e => e.RequestMessage.Path == FakeEhr.AttackerJwksPath);
    }

    [Fact]
    public async Task AnInlineJwksClientNeedsNoFetch()
    {
        await _app.SendAsync(Hook, _app.Token(_app.Ehr.Es384, Hook), _app.Ehr.Es384); // the fetched client's keys are cached
        var fetchesBefore = _app.Ehr.JwksCalls;

        using var response = await _app.SendAsync(Hook, "Bearer " + _app.TenantToken(Hook).SignedBy(_app.Ehr.TenantKey));

        await AuthCalls.IsSilentOkAsync(response);
        Assert.Equal(fetchesBefore, _app.Ehr.JwksCalls);
    }

    [Fact]
    public async Task AnInlineJwksClientIsVerifiedWithItsKeysWhateverItsJkuSays()
    {
        var token = _app.TenantToken(Hook).With(t => t.Header["jku"] = _app.Ehr.AttackerJwksUrl);

        using var response = await _app.SendAsync(Hook, "Bearer " + token.SignedBy(_app.Ehr.TenantKey));

        await AuthCalls.IsSilentOkAsync(response);
        Assert.Equal(0, _app.Ehr.AttackerJwksCalls);
    }

    [Fact]
    public async Task PreflightNeedsNoTokenAndA401StillCarriesCorsHeaders()
    {
        using var preflight = new HttpRequestMessage(HttpMethod.Options, Hook);
        preflight.Headers.Add("Origin", SandboxOrigin);
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        preflight.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var preflightResponse = await _app.CreateClient().SendAsync(preflight);
        using var unauthorized = await _app.SendAsync(Hook, authorization: null, origin: SandboxOrigin);

        Assert.True(preflightResponse.IsSuccessStatusCode, $"preflight answered {(int)preflightResponse.StatusCode}");
        Assert.Equal("*", Assert.Single(preflightResponse.Headers.GetValues("Access-Control-Allow-Origin")));
        await AuthCalls.IsUnauthorizedAsync(unauthorized);
        Assert.Equal("*", Assert.Single(unauthorized.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task HealthNeedsNoTokenAndReadinessSaysAuthenticationIsRequired()
    {
        using var live = await _app.CreateClient().GetAsync("/health/live");
        using var ready = await _app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", report.RootElement.GetProperty("status").GetString());
        var auth = report.RootElement.GetProperty("checks").GetProperty("client-auth");
        Assert.Equal("Healthy", auth.GetProperty("status").GetString());
        Assert.Contains("required", auth.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    private (string Path, string? Authorization) Refused(string refusedCase)
    {
        var now = _app.Now;
        var es = _app.Ehr.Es384;
        var valid = _app.Token(es, Hook);
        string Sign(Action<ClientToken> change) => "Bearer " + valid.With(change).SignedBy(es);

        return refusedCase switch
        {
            "no Authorization header" => (Hook, null),
            "Basic credentials" => (Hook, "Basic dXNlcjpwYXNzd29yZA=="),
            "bearer value that is not a JWT" => (Hook, "Bearer not-a-jwt"),
            "three parts of garbage" => (Hook, "Bearer abc.def.ghi"),
            "alg none" => (Hook, "Bearer " + valid.Unsigned()),
            "HS256 signed with the RSA public key" =>
                (Hook, "Bearer " + _app.Token(_app.Ehr.Rs384, Hook).SignedWithHmac(_app.Ehr.Rs384.PublicKeyBytes())),
            "HS256 signed with the published JWK text" =>
                (Hook, "Bearer " + valid.SignedWithHmac(System.Text.Encoding.UTF8.GetBytes(es.PublicJwk().ToJsonString()))),
            "signed by another key under a published kid" => (Hook, "Bearer " + valid.SignedBy(_app.Ehr.AttackerKey)),
            "RS384 naming the EC key's kid" =>
                (Hook, "Bearer " + _app.Token(_app.Ehr.Rs384, Hook).With(t => t.Header["kid"] = es.Kid).SignedBy(_app.Ehr.Rs384)),
            "expired" => (Hook, Sign(t =>
            {
                t.Payload["iat"] = now.AddMinutes(-10).ToUnixTimeSeconds();
                t.Payload["exp"] = now.AddMinutes(-2).ToUnixTimeSeconds();
            })),
            "iat in the future" => (Hook, Sign(t =>
            {
                t.Payload["iat"] = now.AddMinutes(5).ToUnixTimeSeconds();
                t.Payload["exp"] = now.AddMinutes(10).ToUnixTimeSeconds();
            })),
            "lifetime over one hour" => (Hook, Sign(t =>
            {
                t.Payload["iat"] = now.AddSeconds(-10).ToUnixTimeSeconds();
                t.Payload["exp"] = now.AddHours(1).ToUnixTimeSeconds();
            })),
            "aud of another service" => (Hook, Sign(t => t.Payload["aud"] = CdsLmnApp.PublicBaseUrl + TestData.OrderSignUrl)),
            "aud of another host" => (Hook, Sign(t => t.Payload["aud"] = "https://evil.example.org" + Hook)),
            "discovery token used on a hook" => (Hook, Sign(t => t.Payload["aud"] = CdsLmnApp.PublicBaseUrl + AuthCalls.Discovery)),
            "hook token used on discovery" => (AuthCalls.Discovery, Sign(_ => { })),
            "a configured audience base alone" => (Hook, Sign(t => t.Payload["aud"] = CdsLmnApp.RegisteredAudience)),
            "a configured audience for discovery used on a hook" => (Hook, Sign(t => t.Payload["aud"] = CdsLmnApp.RegisteredAudience + AuthCalls.Discovery)),
            "a configured audience for another service" => (Hook, Sign(t => t.Payload["aud"] = CdsLmnApp.RegisteredAudience + TestData.OrderSignUrl)),
            "unknown iss" => (Hook, Sign(t => t.Payload["iss"] = "https://unknown-ehr.example.org")),
            "unknown kid" => (Hook, Sign(t => t.Header["kid"] = "no-such-kid")),
            "no kid" => (Hook, Sign(t => t.Header.Remove("kid"))),
            "no jti" => (Hook, Sign(t => t.Payload.Remove("jti"))),
            "no iat" => (Hook, Sign(t => t.Payload.Remove("iat"))),
            "no exp" => (Hook, Sign(t => t.Payload.Remove("exp"))),
            "typ at+jwt" => (Hook, Sign(t => t.Header["typ"] = "at+jwt")),
            "no typ" => (Hook, Sign(t => t.Header.Remove("typ"))),
            "crit naming an unknown extension" => (Hook, Sign(t => { t.Header["crit"] = new JsonArray("x-unknown"); t.Header["x-unknown"] = true; })),
            "crit naming a registered header" => (Hook, Sign(t => t.Header["crit"] = new JsonArray("kid"))),
            "crit that is not an array" => (Hook, Sign(t => t.Header["crit"] = "x-unknown")),
            "tenant not on the allowlist" =>
                (Hook, "Bearer " + _app.TenantToken(Hook).With(t => t.Payload["tenant"] = "org-2").SignedBy(_app.Ehr.TenantKey)),
            "no tenant where an allowlist exists" =>
                (Hook, "Bearer " + _app.TenantToken(Hook).With(t => t.Payload.Remove("tenant")).SignedBy(_app.Ehr.TenantKey)),
            "no token for an unknown service id" => ("/cds-services/no-such-service", null),
            _ => throw new ArgumentOutOfRangeException(nameof(refusedCase), refusedCase, null),
        };
    }
}
