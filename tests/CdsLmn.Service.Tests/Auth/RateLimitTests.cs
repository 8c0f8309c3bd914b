using System.Net;

namespace CdsLmn.Service.Tests.Auth;

/// <summary>Three calls per client per hour, so the fourth is refused without any timing in the test.</summary>
public sealed class RateLimitedAppFactory : AuthAppFactory
{
    public const int PermitLimit = 3;

    protected override IEnumerable<KeyValuePair<string, string>> AuthSettings() =>
    [
        .. base.AuthSettings(),
        new("CdsLmn:RateLimit:PermitLimit", PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("CdsLmn:RateLimit:Window", "01:00:00"),
    ];
}

/// <summary>The per-client rate limit through the real pipeline: partitioned by the verified iss and tenant.</summary>
public sealed class RateLimitTests(RateLimitedAppFactory app) : IClassFixture<RateLimitedAppFactory>
{
    private const string Hook = TestData.OrderSelectUrl;

    [Fact]
    public async Task AClientOverTheLimitGets429WithRetryAfterAndOthersAreUnaffected()
    {
        for (var i = 0; i < RateLimitedAppFactory.PermitLimit; i++)
        {
            using var allowed = await app.SendAsync(Hook, app.Token(app.Es384, Hook), app.Es384);
            await AuthCalls.IsSilentOkAsync(allowed);
        }

        using var limited = await app.SendAsync(AuthCalls.Discovery, app.Token(app.Es384, AuthCalls.Discovery), app.Es384);
        using var otherClient = await app.SendAsync(Hook, "Bearer " + app.TenantToken(Hook).SignedBy(app.TenantKey));
        using var health = await app.CreateClient().GetAsync("/health/ready");

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(limited, HttpStatusCode.TooManyRequests);
        Assert.Contains("CdsLmn:RateLimit", diagnostics, StringComparison.Ordinal);
        var retryAfter = Assert.Single(limited.Headers.GetValues("Retry-After"));
        Assert.True(int.TryParse(retryAfter, out var seconds) && seconds is > 0 and <= 3600, retryAfter);
        await AuthCalls.IsSilentOkAsync(otherClient);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
