using System.Net;

namespace CdsLmn.Service.Tests;

public sealed class HealthTests(CdsLmnAppFactory app) : IClassFixture<CdsLmnAppFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task ReportsHealthy(string url)
    {
        using var response = await app.CreateClient().GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
