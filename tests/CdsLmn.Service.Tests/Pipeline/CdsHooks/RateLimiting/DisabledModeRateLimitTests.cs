using System.Net;


namespace CdsLmn.Service.Tests.Pipeline.CdsHooks.RateLimiting;

/// <summary>Without client authentication (Development) the partition is the remote address: here, every call.</summary>
public sealed class DisabledModeRateLimitTests(AppFixture<DisabledModeRateLimitTests.TwoCalls> appFixture) : IClassFixture<AppFixture<DisabledModeRateLimitTests.TwoCalls>>
{
    private readonly CdsLmnApp _app = appFixture.App;

    [Fact]
    public async Task LimitsUnauthenticatedCallsButNeverHealth()
    {
        var client = _app.CreateClient();
        using var first = await client.GetAsync("/cds-services");
        using var second = await client.GetAsync("/cds-services");
        using var third = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(TestData.Read("sandbox/order-select.json")));
        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        await OperationOutcomeAssert.IsOutcomeAsync(third, HttpStatusCode.TooManyRequests);
        Assert.True(third.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    public sealed class TwoCalls : IAppProfile
    {
        public static AppSettings Settings { get; } = AppSettings.Development.With(("CdsLmn:RateLimit:PermitLimit", "2"), ("CdsLmn:RateLimit:Window", "01:00:00"));
    }
}
