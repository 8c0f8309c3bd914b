using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace CdsLmn.Service.Tests.Auth;

/// <summary>The shipped Development settings (<c>CdsLmn:Auth:Mode=Disabled</c>), with the log captured.</summary>
public sealed class DisabledAuthAppFactory : CdsLmnAppFactory
{
    internal LogCapture Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>(null, LogLevel.Trace));
    }
}

public sealed class DisabledModeTests(DisabledAuthAppFactory app) : IClassFixture<DisabledAuthAppFactory>
{
    [Fact]
    public void WarnsAtStartThatClientAuthenticationIsDisabled()
    {
        using var client = app.CreateClient();

        Assert.Contains(app.Logs.Entries, e => e.Level == LogLevel.Warning && e.Text.Contains("client authentication is DISABLED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IgnoresAnyAuthorizationHeaderAndFetchesNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TestData.OrderSelectUrl) { Content = TestData.Json(TestData.Read("sandbox/order-select.json")) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer abc.def.ghi");

        using var response = await app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(app.Logs.Entries, e => e.Category.Contains("cds-client-jwks", StringComparison.Ordinal) || e.Text.Contains("token refused", StringComparison.Ordinal));
    }
}
