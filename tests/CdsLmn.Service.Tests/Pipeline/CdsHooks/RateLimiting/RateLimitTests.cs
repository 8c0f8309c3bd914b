using System.Net;


namespace CdsLmn.Service.Tests.Pipeline.CdsHooks.RateLimiting;

/// <summary>The per-client rate limit through the real pipeline: partitioned by the verified iss and tenant.</summary>
public sealed class RateLimitTests(AppFixture<RateLimitTests.RateLimited> appFixture) : IClassFixture<AppFixture<RateLimitTests.RateLimited>>
{
    private const string Hook = TestData.OrderSelectUrl;
    private readonly CdsLmnApp _app = appFixture.App;

    /// <summary>Three calls per client per hour, so the fourth is refused without any timing in the test.</summary>
    public sealed class RateLimited : IAppProfile
    {
        public const int PermitLimit = 3;

        public static AppSettings Settings { get; } = Profiles.Auth.Settings.With(
            ("CdsLmn:RateLimit:PermitLimit", CdsLmnApp.Setting(PermitLimit)),
            ("CdsLmn:RateLimit:Window", "01:00:00"));
    }

    [Fact]
    public async Task AClientOverTheLimitGets429WithRetryAfterAndOthersAreUnaffected()
    {
        for (var i = 0; i < RateLimited.PermitLimit; i++)
        {
            using var allowed = await _app.SendAsync(Hook, _app.Token(_app.Ehr.Es384, Hook), _app.Ehr.Es384);
            await AuthCalls.IsSilentOkAsync(allowed);
        }

        using var limited = await _app.SendAsync(AuthCalls.Discovery, _app.Token(_app.Ehr.Es384, AuthCalls.Discovery), _app.Ehr.Es384);
        using var otherClient = await _app.SendAsync(Hook, "Bearer " + _app.TenantToken(Hook).SignedBy(_app.Ehr.TenantKey));
        using var health = await _app.CreateClient().GetAsync("/health/ready");

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Contains("CdsLmn:RateLimit", diagnostics, StringComparison.Ordinal);
        var retryAfter = Assert.Single(limited.Headers.GetValues("Retry-After"));
        Assert.True(int.TryParse(retryAfter, out var seconds) && seconds is > 0 and <= 3600, retryAfter);
        await AuthCalls.IsSilentOkAsync(otherClient);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
