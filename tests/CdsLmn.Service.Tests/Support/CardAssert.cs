using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Support;

/// <summary>docs/cds-hooks-spec.md §10 items 31–48 on one card.</summary>
internal static class CardAssert
{
    public static void IsConformant(JsonObject card)
    {
        Assert.True(Guid.TryParse((string?)card["uuid"], out _), "card.uuid");
        var summary = (string?)card["summary"];
        Assert.False(string.IsNullOrWhiteSpace(summary));
        Assert.True(summary!.Length < 140, $"summary has {summary.Length} characters");
        Assert.Contains((string?)card["indicator"], new[] { "info", "warning" });
        Assert.False(string.IsNullOrWhiteSpace((string?)card["source"]?["label"]));
        Assert.DoesNotContain("contraindicated", ((string?)card["detail"] ?? "").ToLowerInvariant(), StringComparison.Ordinal);

        if (card["suggestions"] is JsonArray suggestions)
        {
            Assert.Contains((string?)card["selectionBehavior"], new[] { "any", "at-most-one" });
            foreach (var suggestion in suggestions)
            {
                Assert.False(string.IsNullOrWhiteSpace((string?)suggestion!["label"]));
                Assert.True(Guid.TryParse((string?)suggestion["uuid"], out _), "suggestion.uuid");
                foreach (var action in suggestion["actions"]!.AsArray())
                {
                    var type = (string?)action!["type"];
                    Assert.Contains(type, new[] { "create", "update", "delete" });
                    Assert.False(string.IsNullOrWhiteSpace((string?)action["description"]));
                    if (type == "create")
                    {
                        Assert.IsType<JsonObject>(action["resource"]);
                    }
                    if (type == "delete")
                    {
                        Assert.Matches("^[A-Z][A-Za-z]+/[A-Za-z0-9\\-.]+$", (string?)action["resourceId"]);
                        Assert.Null(action["resource"]);
                    }
                }
            }
        }
        foreach (var reason in card["overrideReasons"]?.AsArray() ?? [])
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)reason!["code"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)reason["system"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)reason["display"]));
        }
        foreach (var link in card["links"]?.AsArray() ?? [])
        {
            Assert.True(Uri.TryCreate((string?)link!["url"], UriKind.Absolute, out _), "link.url must be absolute");
            Assert.Equal("absolute", (string?)link["type"]);
        }
        Assert.IsType<JsonObject>(card["extension"]?["org.cdslmn.decision"]);
    }
}
