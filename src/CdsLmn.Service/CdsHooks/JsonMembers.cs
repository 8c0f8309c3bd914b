using System.Text.Json;

namespace CdsLmn.Service.CdsHooks;

/// <summary>Member checks shared by the request-shape rules of hook calls and feedback.</summary>
internal static class JsonMembers
{
    /// <summary>
    /// A problem message when <paramref name="parent"/>.<paramref name="name"/> is missing, null or not a non-empty
    /// string; null when it is fine. <paramref name="path"/> names the parent, e.g. <c>context</c> or <c>feedback[1]</c>.
    /// </summary>
    public static string? RequireString(JsonElement parent, string name, string? path = null)
    {
        var member = path is null ? name : $"{path}.{name}";
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return $"Missing required field '{member}'.";
        }
        return value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? null
            : $"'{member}' must be a non-empty string.";
    }
}
