using System.Globalization;
using ScottPlot;

namespace CdsLmn.Service.Stewardship.Html;

/// <summary>The report's charts, drawn with ScottPlot 5 and returned as inline SVG markup.</summary>
internal static class ReportCharts
{
    private const int Width = 720;
    private const int Height = 320;

    private static readonly Color Warning = Color.FromHex("#c0392b");
    private static readonly Color Info = Color.FromHex("#2e86c1");
    private static readonly Color Neutral = Color.FromHex("#5d6d7e");

    /// <summary>Stacked bars: cards issued per week (active and shadow), warning and info.</summary>
    public static string CardsPerWeek(StewardshipSummary summary)
    {
        var plot = NewPlot("Cards per week by indicator", "cards");
        var weeks = summary.Weeks.Select(w => w.WeekStart).Distinct().Order().ToList();
        var bars = new List<Bar>();
        for (var i = 0; i < weeks.Count; i++)
        {
            double stacked = 0;
            foreach (var (indicator, color) in new[] { ("warning", Warning), ("info", Info) })
            {
                var cards = summary.Weeks.Where(w => w.WeekStart == weeks[i] && w.Indicator == indicator).Sum(w => w.Cards);
                bars.Add(new Bar { Position = i, ValueBase = stacked, Value = stacked + cards, FillColor = color });
                stacked += cards;
            }
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = Ticks(weeks.Select(w => w.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).ToList());
        plot.Axes.Bottom.Label.Text = "week starting (UTC)";
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "warning", FillColor = Warning });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "info", FillColor = Info });
        plot.ShowLegend(Alignment.UpperLeft);
        return Svg(plot, weeks.Count);
    }

    /// <summary>Overridden cards as a percentage of cards shown, per decision row (active cards).</summary>
    public static string OverrideRatePerRow(StewardshipSummary summary)
    {
        var rows = summary.Rows.Where(r => r.Mode == CardMode.Active)
            .GroupBy(r => r.DecisionRow).OrderBy(g => g.Key)
            .Select(g => (Row: g.Key, Rate: 100.0 * g.Sum(r => r.Overridden) / Math.Max(1, g.Sum(r => r.Shown)), Warning: g.Any(r => r.Indicator == "warning")))
            .ToList();
        var plot = NewPlot("Override rate per decision row (active cards)", "% of cards shown");
        plot.Add.Bars(rows.Select((r, i) => new Bar
        {
            Position = i,
            Value = r.Rate,
            FillColor = r.Warning ? Warning : Info,
            Label = string.Create(CultureInfo.InvariantCulture, $"{r.Rate:0}%"),
        }).ToList());
        plot.Axes.Bottom.TickGenerator = Ticks(rows.Select(r => $"row {r.Row}").ToList());
        plot.Axes.SetLimitsY(0, 100);
        return Svg(plot, rows.Count);
    }

    public static string TopOverrideReasons(StewardshipSummary summary) =>
        HorizontalCounts("Top override reasons", Totals(summary.Rows.SelectMany(r => r.OverrideReasons)), Warning);

    public static string AcceptedSuggestions(StewardshipSummary summary) =>
        HorizontalCounts("Accepted suggestions", Totals(summary.Rows.SelectMany(r => r.AcceptedSuggestions)), Neutral);

    private static List<LabelCount> Totals(IEnumerable<LabelCount> counts) => counts
        .GroupBy(c => c.Label, StringComparer.Ordinal)
        .Select(g => new LabelCount(g.Key, g.Sum(c => c.Count)))
        .OrderByDescending(c => c.Count).ThenBy(c => c.Label, StringComparer.Ordinal)
        .Take(8)
        .ToList();

    private static string HorizontalCounts(string title, List<LabelCount> counts, Color color)
    {
        var plot = NewPlot(title, null);
        // Largest at the top: ScottPlot's vertical axis grows upwards.
        var ordered = counts.AsEnumerable().Reverse().ToList();
        var bars = plot.Add.Bars(ordered.Select((c, i) => new Bar { Position = i, Value = c.Count, FillColor = color, Label = c.Count.ToString(CultureInfo.InvariantCulture) }).ToList());
        bars.Horizontal = true;
        plot.Axes.Left.TickGenerator = Ticks(ordered.Select(c => c.Label).ToList());
        plot.Axes.Bottom.Label.Text = "cards";
        return Svg(plot, counts.Count);
    }

    private static Plot NewPlot(string title, string? yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        if (yLabel is not null)
        {
            plot.YLabel(yLabel);
        }
        return plot;
    }

    private static ScottPlot.TickGenerators.NumericManual Ticks(IReadOnlyList<string> labels)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < labels.Count; i++)
        {
            ticks.AddMajor(i, labels[i]);
        }
        return ticks;
    }

    private static string Svg(Plot plot, int items)
    {
        if (items == 0)
        {
            var empty = plot.Add.Text("no data in this period", 0, 0);
            empty.LabelFontSize = 16;
            plot.Axes.SetLimits(-1, 1, -1, 1);
        }
        return plot.GetSvgXml(Width, Height);
    }
}
