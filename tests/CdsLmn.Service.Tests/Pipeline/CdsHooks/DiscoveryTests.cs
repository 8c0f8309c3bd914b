using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>docs/cds-hooks-spec.md §10 items 1–10.</summary>
public sealed partial class DiscoveryTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private readonly CdsLmnApp _app = appFixture.App;

    private static readonly string[] AllowedSearchParameters =
        ["patient", "code", "status", "date", "_count", "_sort", "clinical-status", "category"];

    [Fact]
    public async Task ServesExactlyTheRepositoryFile()
    {
        var served = await _app.CreateClient().GetStringAsync("/cds-services");

        var file = JsonNode.Parse(TestData.Read("cds-services.json"));
        Assert.True(JsonNode.DeepEquals(file, JsonNode.Parse(served)), "GET /cds-services differs from cds-services.json");
    }

    [Fact]
    public async Task ListsBothOrderHooksWithTheRequiredMembers()
    {
        using var response = await _app.CreateClient().GetAsync("/cds-services");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var services = body.RootElement.GetProperty("services").EnumerateArray().ToList();
        Assert.Equal(
            ["ivig-lmn-order-select:order-select", "ivig-lmn-order-sign:order-sign"],
            services.Select(s => $"{s.GetProperty("id").GetString()}:{s.GetProperty("hook").GetString()}").Order());
        foreach (var service in services)
        {
            foreach (var member in new[] { "hook", "id", "title", "description", "usageRequirements" })
            {
                Assert.False(string.IsNullOrWhiteSpace(service.GetProperty(member).GetString()), member);
            }
            Assert.Equal("Patient/{{context.patientId}}", service.GetProperty("prefetch").GetProperty("patient").GetString());
        }
    }

    [Fact]
    public void HasNoNullOrEmptyValues()
    {
        var empties = new List<string>();
        FindEmpty(JsonNode.Parse(TestData.Read("cds-services.json")), "$", empties);
        Assert.Empty(empties);
    }

    [Fact]
    public void PrefetchTemplatesUseOnlyOrderHookTokensAndTheQuerySubset()
    {
        using var discovery = JsonDocument.Parse(TestData.Read("cds-services.json"));
        foreach (var service in discovery.RootElement.GetProperty("services").EnumerateArray())
        {
            foreach (var template in service.GetProperty("prefetch").EnumerateObject().Select(p => p.Value.GetString()!))
            {
                foreach (Match token in TokenPattern().Matches(template))
                {
                    Assert.Contains(token.Groups[1].Value, new[] { "context.patientId", "context.userId", "context.encounterId" });
                }
                Assert.DoesNotContain("sort:desc", template, StringComparison.Ordinal);

                var parts = template.Split('?', 2);
                Assert.Matches("^[A-Z][A-Za-z]+(/\\{\\{context\\.patientId\\}\\})?$", parts[0]);
                if (parts.Length == 2)
                {
                    foreach (var parameter in parts[1].Split('&').Select(p => p.Split('=', 2)[0]))
                    {
                        Assert.Contains(parameter, AllowedSearchParameters);
                    }
                }
            }
        }
    }

    private static void FindEmpty(JsonNode? node, string path, List<string> empties)
    {
        switch (node)
        {
            case null:
                empties.Add(path);
                break;
            case JsonObject o when o.Count == 0:
            case JsonArray a when a.Count == 0 && path != "$.services":
                empties.Add(path);
                break;
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    FindEmpty(value, $"{path}.{key}", empties);
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    FindEmpty(a[i], $"{path}[{i}]", empties);
                }
                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && s.Length == 0:
                empties.Add(path);
                break;
        }
    }

    [GeneratedRegex(@"\{\{\s*([^}]+?)\s*\}\}")]
    private static partial Regex TokenPattern();
}
