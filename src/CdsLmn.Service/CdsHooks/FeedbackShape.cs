using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// The structural rules of a feedback body (docs/cds-hooks-spec.md §5, §10 item 50). Each message names the member
/// and the entry index at fault (<c>'feedback[1].outcomeTimestamp'</c>) and never echoes a value. Unknown members
/// are ignored; a <c>null</c> optional member counts as absent.
/// </summary>
internal static partial class FeedbackShape
{
    public static string? FindProblem(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "The body must be a JSON object with a 'feedback' array.";
        }
        if (!root.TryGetProperty("feedback", out var feedback) || feedback.ValueKind == JsonValueKind.Null)
        {
            return "Missing required field 'feedback'.";
        }
        if (feedback.ValueKind != JsonValueKind.Array || feedback.GetArrayLength() == 0)
        {
            return "'feedback' must be a non-empty array.";
        }

        var index = 0;
        foreach (var entry in feedback.EnumerateArray())
        {
            var problem = FindEntryProblem(entry, $"feedback[{index}]");
            if (problem is not null)
            {
                return problem;
            }
            index++;
        }
        return null;
    }

    /// <summary>
    /// RFC 3339 §5.6 date-time with any offset (<c>Z</c>, <c>+02:00</c>, <c>-05:00</c>), optional fraction, returned in UTC.
    /// <c>-00:00</c> ("offset unknown"), missing offsets and ISO 8601 variants (week dates, no separators) are refused.
    /// </summary>
    public static bool TryParseRfc3339(string text, out DateTimeOffset value)
    {
        value = default;
        var match = Rfc3339().Match(text);
        if (!match.Success
            || !DateTime.TryParseExact(match.Groups["local"].Value, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (match.Groups["offset"].Success)
        {
            var hours = int.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture);
            var minutes = int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture);
            if (hours > 23 || minutes > 59 || (hours == 0 && minutes == 0 && match.Groups["sign"].Value == "-"))
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0) * (match.Groups["sign"].Value == "-" ? -1 : 1);
        }

        value = new DateTimeOffset(local, offset).AddTicks(FractionTicks(match.Groups["fraction"].Value)).ToUniversalTime();
        return true;
    }

    private static long FractionTicks(string fraction) =>
        fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);

    private static string? FindEntryProblem(JsonElement entry, string path)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            return $"'{path}' must be an object.";
        }

        var problem = JsonMembers.RequireString(entry, "card", path) ?? JsonMembers.RequireString(entry, "outcome", path);
        if (problem is not null)
        {
            return problem;
        }
        if (!Guid.TryParseExact(entry.GetProperty("card").GetString(), "D", out _))
        {
            return $"'{path}.card' must be the card's uuid (RFC 4122 form, e.g. 1b7e9d3c-4a5f-4e2b-9c1d-2f3a4b5c6d7e).";
        }

        var outcome = entry.GetProperty("outcome").GetString();
        if (outcome is not ("accepted" or "overridden"))
        {
            return $"'{path}.outcome' must be 'accepted' or 'overridden'.";
        }

        return FindSuggestionsProblem(entry, path, accepted: outcome == "accepted")
            ?? FindOverrideReasonProblem(entry, path, overridden: outcome == "overridden")
            ?? FindTimestampProblem(entry, path);
    }

    private static string? FindSuggestionsProblem(JsonElement entry, string path, bool accepted)
    {
        var present = entry.TryGetProperty("acceptedSuggestions", out var suggestions) && suggestions.ValueKind != JsonValueKind.Null;
        if (!accepted)
        {
            return present ? $"'{path}.acceptedSuggestions' is only allowed when outcome is 'accepted'." : null;
        }
        if (!present)
        {
            return $"Missing required field '{path}.acceptedSuggestions' (outcome 'accepted').";
        }
        if (suggestions.ValueKind != JsonValueKind.Array || suggestions.GetArrayLength() == 0)
        {
            return $"'{path}.acceptedSuggestions' must be a non-empty array of {{\"id\": suggestion uuid}}.";
        }

        var index = 0;
        foreach (var suggestion in suggestions.EnumerateArray())
        {
            var suggestionPath = $"{path}.acceptedSuggestions[{index}]";
            if (suggestion.ValueKind != JsonValueKind.Object)
            {
                return $"'{suggestionPath}' must be an object with an 'id'.";
            }
            var problem = JsonMembers.RequireString(suggestion, "id", suggestionPath);
            if (problem is not null)
            {
                return problem;
            }
            index++;
        }
        return null;
    }

    private static string? FindOverrideReasonProblem(JsonElement entry, string path, bool overridden)
    {
        if (!entry.TryGetProperty("overrideReason", out var overrideReason) || overrideReason.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        path += ".overrideReason";
        if (!overridden)
        {
            return $"'{path}' is only allowed when outcome is 'overridden'.";
        }
        if (overrideReason.ValueKind != JsonValueKind.Object)
        {
            return $"'{path}' must be an object.";
        }

        var hasReason = overrideReason.TryGetProperty("reason", out var reason) && reason.ValueKind != JsonValueKind.Null;
        var hasComment = overrideReason.TryGetProperty("userComment", out var comment) && comment.ValueKind != JsonValueKind.Null;
        if (!hasReason && !hasComment)
        {
            return $"'{path}' must have a 'reason' or a 'userComment' (omit it when there is neither).";
        }
        if (hasComment && (comment.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(comment.GetString())))
        {
            return $"'{path}.userComment' must be a non-empty string.";
        }
        if (!hasReason)
        {
            return null;
        }
        if (reason.ValueKind != JsonValueKind.Object)
        {
            return $"'{path}.reason' must be a Coding object with 'code' and 'system'.";
        }
        var problem = JsonMembers.RequireString(reason, "code", $"{path}.reason") ?? JsonMembers.RequireString(reason, "system", $"{path}.reason");
        if (problem is not null)
        {
            return problem;
        }
        return reason.TryGetProperty("display", out var display) && display.ValueKind is not (JsonValueKind.Null or JsonValueKind.String)
            ? $"'{path}.reason.display' must be a string."
            : null;
    }

    private static string? FindTimestampProblem(JsonElement entry, string path)
    {
        var problem = JsonMembers.RequireString(entry, "outcomeTimestamp", path);
        if (problem is not null)
        {
            return problem;
        }
        return TryParseRfc3339(entry.GetProperty("outcomeTimestamp").GetString()!, out _)
            ? null
            : $"'{path}.outcomeTimestamp' must be an RFC 3339 date-time such as 2021-12-11T10:05:31Z or 2021-12-11T11:05:31+01:00.";
    }

    [GeneratedRegex(@"^(?<local>[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2})(?:\.(?<fraction>[0-9]{1,9}))?(?:Z|(?<offset>(?<sign>[+-])(?<hours>[0-9]{2}):(?<minutes>[0-9]{2})))\z", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
