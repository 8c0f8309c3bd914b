using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CdsLmn.Service.Stewardship;

/// <summary>Writes a <see cref="StewardshipSummary"/> as an aligned table, CSV (RFC 4180) or JSON.</summary>
internal static class ReportFormatter
{
    private static readonly ImmutableArray<string> Columns =
        ["service", "mode", "row", "indicator", "shown", "accepted", "overridden", "no_feedback", "override_reasons", "accepted_suggestions"];

    private static readonly JsonSerializerOptions IndentedJson = new(StewardshipJsonContext.Default.Options) { WriteIndented = true };

    /// <summary>The text formats; the HTML page is <c>Stewardship.Html.HtmlReport</c>.</summary>
    public static string Format(StewardshipSummary summary, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return format switch
        {
            ReportFormat.Html => throw new ArgumentException("The HTML report is written by HtmlReport.Render.", nameof(format)),
            ReportFormat.Csv => Csv(summary),
            ReportFormat.Json => JsonSerializer.Serialize(summary, IndentedJson.GetTypeInfo(typeof(StewardshipSummary))) + "\n",
            _ => Table(summary),
        };
    }

    private static string Table(StewardshipSummary summary)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Stewardship report: cards issued {DescribePeriod(summary.Period)} (UTC)\n\n");
        var cells = summary.Rows.Select(r => new[]
        {
            r.ServiceId, r.Mode, Number(r.DecisionRow), r.Indicator, Number(r.Shown), Number(r.Accepted), Number(r.Overridden), Number(r.WithoutFeedback),
        }).ToList();
        string[] header = ["service", "mode", "row", "indicator", "shown", "accepted", "overridden", "no feedback"];
        var widths = header.Select((h, i) => cells.Select(c => c[i].Length).Append(h.Length).Max()).ToArray();

        AppendLine(text, header, widths);
        for (var i = 0; i < summary.Rows.Count; i++)
        {
            AppendLine(text, cells[i], widths);
            var row = summary.Rows[i];
            if (row.OverrideReasons.Count > 0)
            {
                text.Append("    override reasons: ").Append(Counts(row.OverrideReasons, ", ")).Append('\n');
            }
            if (row.AcceptedSuggestions.Count > 0)
            {
                text.Append("    suggestions accepted: ").Append(Counts(row.AcceptedSuggestions, ", ")).Append('\n');
            }
        }
        if (summary.Rows.Count == 0)
        {
            text.Append("(no cards issued in this period)\n");
        }
        foreach (var unknown in summary.UnknownCardFeedback)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nFeedback about unknown cards, {unknown.ServiceId}: {unknown.Entries}\n");
        }
        return text.ToString();
    }

    private static void AppendLine(StringBuilder text, string[] cells, int[] widths)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            // Text columns left-aligned, numbers right-aligned.
            var cell = i is 0 or 1 or 3 ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]);
            text.Append(i == 0 ? "" : "  ").Append(cell);
        }
        text.Append('\n');
    }

    private static string Csv(StewardshipSummary summary)
    {
        var text = new StringBuilder().AppendJoin(',', Columns).Append("\r\n");
        foreach (var r in summary.Rows)
        {
            string[] fields =
            [
                r.ServiceId, r.Mode, Number(r.DecisionRow), r.Indicator, Number(r.Shown), Number(r.Accepted), Number(r.Overridden),
                Number(r.WithoutFeedback), Counts(r.OverrideReasons, "; "), Counts(r.AcceptedSuggestions, "; "),
            ];
            text.AppendJoin(',', fields.Select(Quote)).Append("\r\n");
        }
        return text.ToString();
    }

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\r', '\n', ';']) < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    public static string Counts(IEnumerable<LabelCount> counts, string separator) =>
        string.Join(separator, counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Label} ({c.Count})")));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    public static string DescribePeriod(ReportPeriod period) => (period.From, period.To) switch
    {
        (null, null) => "at any time",
        ({ } from, null) => $"from {from:yyyy-MM-dd}",
        (null, { } to) => $"up to {to:yyyy-MM-dd}",
        ({ } from, { } to) => $"from {from:yyyy-MM-dd} to {to:yyyy-MM-dd}",
    };
}
