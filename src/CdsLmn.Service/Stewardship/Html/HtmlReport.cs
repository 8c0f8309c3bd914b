using System.Globalization;
using System.Net;
using System.Text;
using CdsLmn.Clinical;
using Markdig;

namespace CdsLmn.Service.Stewardship.Html;

/// <summary>
/// The stewardship report as one self-contained HTML page: the text report's figures as a table, four charts as
/// inline SVG (<see cref="ReportCharts"/>) and a sample card as the clinician sees it. Nothing is fetched from
/// anywhere: no script, no external stylesheet, image or font.
/// </summary>
internal static class HtmlReport
{
    // Raw HTML inside card markdown is shown as text, never passed through.
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().DisableHtml().Build();

    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 2em auto; max-width: 1500px; color: #1c2833; }
        h1 { font-size: 1.6em; } h2 { font-size: 1.25em; margin-top: 1.6em; }
        table.figures { border-collapse: collapse; font-size: 0.9em; }
        table.figures th, table.figures td { border: 1px solid #d5d8dc; padding: 4px 8px; text-align: right; }
        table.figures td.text, table.figures th.text { text-align: left; }
        .charts { display: grid; grid-template-columns: repeat(2, 720px); gap: 16px; }
        figure { margin: 0; border: 1px solid #d5d8dc; }
        .card { max-width: 760px; border: 1px solid #d5d8dc; border-left: 6px solid #c0392b; padding: 12px 16px; border-radius: 4px; }
        .card.info { border-left-color: #2e86c1; }
        .card .summary { font-weight: bold; font-size: 1.1em; }
        .card .badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: white; background: #c0392b; font-size: 0.8em; }
        .card.info .badge { background: #2e86c1; }
        .card table { border-collapse: collapse; } .card th, .card td { border: 1px solid #d5d8dc; padding: 3px 6px; }
        .card button { margin: 4px 6px 0 0; padding: 4px 10px; border: 1px solid #2e86c1; background: #eaf2f8; border-radius: 3px; }
        .card .source { color: #5d6d7e; font-size: 0.85em; }
        """;

    public static string Render(StewardshipSummary summary, ClinicalOptions clinical)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>CdsLmn stewardship report</title>\n<style>\n")
            .Append(Style).Append("</style>\n</head>\n<body>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>CdsLmn stewardship report</h1>\n<p>Cards issued {Encode(ReportFormatter.DescribePeriod(summary.Period))} (UTC).</p>\n");

        AppendFigures(html, summary);

        html.Append("<h2>Charts</h2>\n<div class=\"charts\">\n");
        foreach (var svg in new[]
        {
            ReportCharts.CardsPerWeek(summary), ReportCharts.OverrideRatePerRow(summary),
            ReportCharts.TopOverrideReasons(summary), ReportCharts.AcceptedSuggestions(summary),
        })
        {
            html.Append("<figure>").Append(svg).Append("</figure>\n");
        }
        html.Append("</div>\n");

        html.Append("<h2>The card as a clinician sees it</h2>\n<p>The service's answer to the README's example request (progressive spinal muscular atrophy, no conduction block, anti-GM1 IgM negative, CK raised), evaluated with this deployment's clinical rules.</p>\n");
        AppendCard(html, SampleCard.Create(clinical));
        return html.Append("</body>\n</html>\n").ToString();
    }

    private static void AppendFigures(StringBuilder html, StewardshipSummary summary)
    {
        html.Append("<h2>Cards and what became of them</h2>\n<table class=\"figures\">\n<tr>");
        foreach (var (header, text) in new[] { ("service", true), ("mode", true), ("row", false), ("indicator", true), ("shown", false), ("accepted", false), ("overridden", false), ("no feedback", false), ("override reasons", true), ("suggestions accepted", true) })
        {
            html.Append(text ? "<th class=\"text\">" : "<th>").Append(header).Append("</th>");
        }
        html.Append("</tr>\n");
        foreach (var row in summary.Rows)
        {
            html.Append(CultureInfo.InvariantCulture,
                $"<tr><td class=\"text\">{Encode(row.ServiceId)}</td><td class=\"text\">{row.Mode}</td><td>{row.DecisionRow}</td><td class=\"text\">{Encode(row.Indicator)}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td>{row.Shown}</td><td>{row.Accepted}</td><td>{row.Overridden}</td><td>{row.WithoutFeedback}</td>")
                .Append(CultureInfo.InvariantCulture, $"<td class=\"text\">{Encode(ReportFormatter.Counts(row.OverrideReasons, ", "))}</td><td class=\"text\">{Encode(ReportFormatter.Counts(row.AcceptedSuggestions, ", "))}</td></tr>\n");
        }
        if (summary.Rows.Count == 0)
        {
            html.Append("<tr><td class=\"text\" colspan=\"10\">No cards issued in this period.</td></tr>\n");
        }
        html.Append("</table>\n");
        foreach (var unknown in summary.UnknownCardFeedback)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Feedback about unknown cards, {Encode(unknown.ServiceId)}: {unknown.Entries}</p>\n");
        }
    }

    private static void AppendCard(StringBuilder html, Advice advice)
    {
        var indicator = advice.Indicator == AdviceIndicator.Warning ? "warning" : "info";
        html.Append(CultureInfo.InvariantCulture, $"<div class=\"card {indicator}\">\n<p><span class=\"badge\">{indicator}</span> <span class=\"summary\">{Encode(advice.Summary)}</span></p>\n")
            .Append(Markdig.Markdown.ToHtml(advice.Detail, Markdown))
            .Append("<p>");
        foreach (var suggestion in advice.Suggestions)
        {
            html.Append("<button type=\"button\">").Append(Encode(suggestion.Label)).Append("</button>");
        }
        html.Append("</p>\n<p class=\"source\">Override reasons: ")
            .Append(Encode(string.Join(" · ", advice.OverrideReasons.Select(r => r.Display))))
            .Append("</p>\n<p class=\"source\">Sources: ")
            .Append(Encode(string.Join(" · ", advice.Links.Select(l => $"{l.Label} ({l.Url})"))))
            .Append("</p>\n</div>\n");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
