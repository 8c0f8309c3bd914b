using System.Net;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>docs/cds-hooks-spec.md §6.3 and §10 item 62.</summary>
public sealed class CorsTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private const string SandboxOrigin = "https://sandbox.cds-hooks.org";
    private readonly CdsLmnApp _app = appFixture.App;

    [Theory]
    [InlineData(TestData.OrderSelectUrl, "POST")]
    [InlineData("/cds-services", "GET")]
    public async Task PreflightSucceedsWithoutCredentialsAndAllowsAuthorization(string url, string method)
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, url);
        request.Headers.Add("Origin", SandboxOrigin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"preflight answered {(int)response.StatusCode}");
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
        var allowed = string.Join(',', response.Headers.GetValues("Access-Control-Allow-Headers")).ToLowerInvariant();
        Assert.Contains("authorization", allowed, StringComparison.Ordinal);
        Assert.Contains("content-type", allowed, StringComparison.Ordinal);
        Assert.Contains(method, string.Join(',', response.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Credentials"));
    }

    [Fact]
    public async Task ErrorResponsesCarryCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TestData.OrderSelectUrl) { Content = TestData.Json("{\"hook\":\"order-select\"}") };
        request.Headers.Add("Origin", SandboxOrigin);

        using var response = await _app.CreateClient().SendAsync(request);

        await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }

    [Fact]
    public async Task SuccessfulCallsCarryCorsHeaders()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TestData.OrderSelectUrl) { Content = TestData.Json(TestData.Read("sandbox/order-select.json")) };
        request.Headers.Add("Origin", SandboxOrigin);

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("*", Assert.Single(response.Headers.GetValues("Access-Control-Allow-Origin")));
    }
}
