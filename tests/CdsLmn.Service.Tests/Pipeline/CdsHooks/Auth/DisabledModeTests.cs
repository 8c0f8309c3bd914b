using System.Net;
using Microsoft.Extensions.Logging;


namespace CdsLmn.Service.Tests.Pipeline.CdsHooks.Auth;

/// <summary>The shipped Development settings (<c>CdsLmn:Auth:Mode=Disabled</c>), with every log line captured.</summary>
public sealed class DisabledModeTests(AppFixture<DisabledModeTests.DisabledAuth> appFixture) : IClassFixture<AppFixture<DisabledModeTests.DisabledAuth>>
{
    private readonly CdsLmnApp _app = appFixture.App;

    public sealed class DisabledAuth : IAppProfile
    {
        public static AppSettings Settings { get; } = new() { Logs = AppLogs.Everything };
    }

    [Fact]
    public void WarnsAtStartThatClientAuthenticationIsDisabled()
    {
        using var client = _app.CreateClient();

        Assert.Contains(_app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("client authentication is DISABLED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IgnoresAnyAuthorizationHeaderAndFetchesNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TestData.OrderSelectUrl) { Content = TestData.Json(TestData.Read("sandbox/order-select.json")) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer abc.def.ghi");

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(_app.Logs.Entries, e => e.Category.Contains("cds-client-jwks", StringComparison.Ordinal) || e.Text.Contains("token refused", StringComparison.Ordinal));
    }
}
