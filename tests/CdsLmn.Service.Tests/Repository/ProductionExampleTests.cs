using System.Net;
using System.Text.Json;
using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.CdsHooks.Auth;
using CdsLmn.Service.CdsHooks.RateLimiting;
using CdsLmn.Service.Evidence;
using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Tests.Repository;

/// <summary>deploy/appsettings.Production.example.json cannot rot: it starts the service, binds every key, and each key is documented.</summary>
public sealed class ProductionExampleTests(AppFixture<Profiles.ProductionExample> appFixture) : IClassFixture<AppFixture<Profiles.ProductionExample>>
{
    private readonly CdsLmnApp _app = appFixture.App;

    [Fact]
    public async Task TheExampleStartsTheServiceInProductionWithItsSettingsInForce()
    {
        var client = _app.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var discovery = await client.GetAsync("/cds-services");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        // Postgres, as the example says, and unreachable here: the outage gate answers before authentication.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, discovery.StatusCode);
        var auth = _app.Services.GetRequiredService<IOptions<ClientAuthOptions>>().Value;
        Assert.Equal(ClientAuthMode.Required, auth.Mode);
        Assert.Equal("https://ehr.hospital.example.org", Assert.Single(auth.Clients).Issuer);
        Assert.Equal("https://cds.hospital.example.org", auth.PublicBaseUrl);
        Assert.Equal(StorageProvider.Postgres, _app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider);
    }

    [Fact]
    public void EveryKeyOfTheExampleIsOneTheServiceReads()
    {
        var configuration = _app.Services.GetRequiredService<IConfiguration>();

        Bind<ClientAuthOptions>(configuration, ClientAuthOptions.Section);
        Bind<ClientRateLimitOptions>(configuration, ClientRateLimitOptions.Section);
        Bind<FhirOptions>(configuration, FhirOptions.Section);
        Bind<StorageOptions>(configuration, StorageOptions.Section);
        Bind<TelemetryOptions>(configuration, TelemetryOptions.Section);
        Bind<CorsSettings>(configuration, "CdsLmn:Cors");
        var topLevel = Leaves().Where(key => key.StartsWith("CdsLmn:", StringComparison.Ordinal)).Select(key => key.Split(':')[1]).ToHashSet();
        Assert.Subset(new HashSet<string> { "Mode", "PublicBaseUrl", "MaxRequestBodyBytes", "Auth", "RateLimit", "Cors", "Fhir", "Storage", "Telemetry" }, topLevel);
    }

    [Fact]
    public void TheReadmeProductionSettingsSectionCommentsEveryKeyOfTheExample()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "README.md"));
        var start = readme.IndexOf("## Production settings", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no \"## Production settings\" section");
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)];

        var undocumented = Leaves().Select(key => $"`{key}`").Where(key => !section.Contains(key, StringComparison.Ordinal)).ToList();

        Assert.Empty(undocumented);
    }

    private static void Bind<T>(IConfiguration configuration, string section) where T : new() =>
        configuration.GetSection(section).Get<T>(binder => binder.ErrorOnUnknownConfiguration = true);

    /// <summary>The example's keys as the README writes them: <c>CdsLmn:Auth:Clients:{n}:Issuer</c>.</summary>
    private static IEnumerable<string> Leaves()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(CdsLmnApp.ProductionExamplePath));
        return Walk(document.RootElement, "").Distinct().ToList();

        static IEnumerable<string> Walk(JsonElement element, string path) => element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Walk(p.Value, path.Length == 0 ? p.Name : $"{path}:{p.Name}")),
            JsonValueKind.Array => element.EnumerateArray().SelectMany(item => Walk(item, $"{path}:{{n}}")),
            _ => [path],
        };
    }
}
