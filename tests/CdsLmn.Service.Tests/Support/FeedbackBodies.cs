using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Support;

/// <summary>Feedback bodies (docs/cds-hooks-spec.md §5) and direct reads of the audit store.</summary>
internal static class FeedbackBodies
{
    public const string SelectFeedbackUrl = TestData.OrderSelectUrl + "/feedback";

    public static JsonObject Accepted(string card, params string[] suggestionIds) => new()
    {
        ["card"] = card,
        ["outcome"] = "accepted",
        ["acceptedSuggestions"] = new JsonArray([.. suggestionIds.Select(id => (JsonNode)new JsonObject { ["id"] = id })]),
        ["outcomeTimestamp"] = "2021-12-11T10:05:31Z",
    };

    public static JsonObject Overridden(string card, string? code = null, string? comment = null, string timestamp = "2021-12-11T10:05:31Z")
    {
        var entry = new JsonObject { ["card"] = card, ["outcome"] = "overridden", ["outcomeTimestamp"] = timestamp };
        if (code is not null || comment is not null)
        {
            var reason = new JsonObject();
            if (code is not null)
            {
                reason["reason"] = new JsonObject { ["code"] = code, ["system"] = "http://example.org/override-reasons", ["display"] = $"Reason {code}" };
            }
            if (comment is not null)
            {
                reason["userComment"] = comment;
            }
            entry["overrideReason"] = reason;
        }
        return entry;
    }

    public static JsonObject Body(params JsonObject[] entries) => new() { ["feedback"] = new JsonArray([.. entries]) };

    public static string NewUuid() => Guid.NewGuid().ToString();
}
