using System.Net;
using System.Text.Json;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>
/// Requests the CDS Hooks sandbox really sent (TestData/sandbox, copied from shared/examples/sandbox): single
/// objects where R4 wants arrays, no Bundle.type, an http fhirServer. They must be accepted as they are.
/// </summary>
public sealed class SandboxRequestTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private readonly CdsLmnApp _app = appFixture.App;

    [Theory]
    [InlineData("sandbox/order-select.json", TestData.OrderSelectUrl)]
    [InlineData("sandbox/order-select-labetalol.json", TestData.OrderSelectUrl)]
    [InlineData("sandbox/order-sign.json", TestData.OrderSignUrl)]
    public async Task AcceptsWhatTheSandboxSent(string fixture, string url)
    {
        using var response = await _app.CreateClient().PostAsync(url, TestData.Json(TestData.Read(fixture)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(JsonValueKind.Array, body.RootElement.GetProperty("cards").ValueKind);
        Assert.False(body.RootElement.TryGetProperty("systemActions", out _));
    }
}
