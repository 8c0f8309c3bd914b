using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Onboarding;

/// <summary>Prints a <see cref="PatientCheck"/> as a readable block, or as one JSON object (one line per patient).</summary>
internal static class CheckFhirFormatter
{
    public static string Table(PatientCheck check)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Patient {check.Patient}\n\n");
        var keyWidth = check.Queries.Max(q => q.Key.Length);
        text.Append(CultureInfo.InvariantCulture, $"  {"query".PadRight(keyWidth)}  {"count",5}  {"ms",6}  status\n");
        foreach (var query in check.Queries)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {query.Key.PadRight(keyWidth)}  {query.Count,5}  {query.ElapsedMs,6}  {query.Status}{(query.Prefetch ? "" : "  (broad search, not a prefetch template)")}\n");
        }

        text.Append('\n');
        if (check.Unrecognised.Count == 0)
        {
            text.Append("  Unrecognised candidates: none\n");
        }
        foreach (var candidate in check.Unrecognised)
        {
            text.Append(CultureInfo.InvariantCulture, $"  Unrecognised: {candidate.Resource} {candidate.Code} \"{candidate.Display}\" looks like {candidate.LooksLike}\n")
                .Append(CultureInfo.InvariantCulture, $"      add it to {candidate.ConfigurationKey} and to the prefetch template '{candidate.PrefetchTemplate}' (code=...,{candidate.Code})\n");
        }

        var dryRun = check.DryRun;
        text.Append(CultureInfo.InvariantCulture, $"\n  Dry run ({dryRun.Note}):\n");
        if (dryRun.Undecided is { } why)
        {
            text.Append(CultureInfo.InvariantCulture, $"      {why}\n");
        }
        else if (dryRun.Row is null)
        {
            text.Append("      no card (the service would stay silent)\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"      row {dryRun.Row}, {dryRun.Indicator}: {dryRun.Summary}\n")
                .Append(CultureInfo.InvariantCulture, $"      rests on: {string.Join(", ", dryRun.Evidence)}\n");
        }
        return text.Append('\n').ToString();
    }

    public static string Json(PatientCheck check)
    {
        var json = new JsonObject
        {
            ["patient"] = check.Patient,
            ["indicator"] = check.DryRun.Indicator,
            ["row"] = check.DryRun.Row,
            ["summary"] = check.DryRun.Summary,
            ["evidence"] = new JsonArray([.. check.DryRun.Evidence.Select(e => (JsonNode?)e)]),
            ["undecided"] = check.DryRun.Undecided,
            ["dryRun"] = check.DryRun.Note,
            ["queries"] = new JsonArray([.. check.Queries.Select(q => (JsonNode?)new JsonObject
            {
                ["key"] = q.Key,
                ["prefetch"] = q.Prefetch,
                ["status"] = q.Status,
                ["count"] = q.Count,
                ["ms"] = q.ElapsedMs,
            })]),
            ["unrecognised"] = new JsonArray([.. check.Unrecognised.Select(u => (JsonNode?)new JsonObject
            {
                ["resource"] = u.Resource,
                ["code"] = u.Code,
                ["display"] = u.Display,
                ["looksLike"] = u.LooksLike,
                ["configurationKey"] = u.ConfigurationKey,
                ["prefetchTemplate"] = u.PrefetchTemplate,
            })]),
        };
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = false }) + "\n";
    }
}
