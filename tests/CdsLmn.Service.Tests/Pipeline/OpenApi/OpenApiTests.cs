using System.Net;
using System.Text.Json;

namespace CdsLmn.Service.Tests.Pipeline.OpenApi;

/// <summary>The OpenAPI description: served in Development with the concrete service paths, absent in Production.</summary>
public sealed class OpenApiTests(AppFixture<Profiles.Development> developmentFixture, AppFixture<Profiles.ProductionExample> productionFixture)
    : IClassFixture<AppFixture<Profiles.Development>>, IClassFixture<AppFixture<Profiles.ProductionExample>>
{
    private const string DocumentUrl = "/openapi/v1.json";
    private readonly CdsLmnApp _development = developmentFixture.App;
    private readonly CdsLmnApp _production = productionFixture.App;

    [Fact]
    public async Task DevelopmentServesADocumentListingDiscoveryEachServiceItsFeedbackAndHealth()
    {
        using var response = await _development.CreateClient().GetAsync(DocumentUrl);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var paths = document.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Equal(
            new HashSet<string>
            {
                "/cds-services",
                TestData.OrderSelectUrl, TestData.OrderSelectUrl + "/feedback",
                TestData.OrderSignUrl, TestData.OrderSignUrl + "/feedback",
                "/health/live", "/health/ready",
            },
            paths);
        var hook = document.RootElement.GetProperty("paths").GetProperty(TestData.OrderSignUrl).GetProperty("post");
        Assert.Contains("order-sign", hook.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.True(hook.GetProperty("responses").TryGetProperty("412", out _));
        Assert.False(hook.TryGetProperty("parameters", out var parameters) && parameters.GetArrayLength() > 0);
    }

    [Fact]
    public async Task ProductionAnswersNotFound()
    {
        using var response = await _production.CreateClient().GetAsync(DocumentUrl);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
