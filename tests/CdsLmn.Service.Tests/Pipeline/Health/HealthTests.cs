using System.Net;
using System.Text.Json;

namespace CdsLmn.Service.Tests.Pipeline.Health;

public sealed class HealthTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private readonly CdsLmnApp _app = appFixture.App;

    [Fact]
    public async Task LivenessReportsHealthy()
    {
        using var response = await _app.CreateClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadinessAnswers200AndSaysClientAuthenticationIsDisabledInDevelopment()
    {
        using var response = await _app.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("discovery").GetProperty("status").GetString());
        Assert.Equal("Degraded", checks.GetProperty("client-auth").GetProperty("status").GetString());
        Assert.Contains("DISABLED", checks.GetProperty("client-auth").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("Degraded", report.RootElement.GetProperty("status").GetString());
    }
}
