using System.Text.Json;
using CdsLmn.Service.CdsHooks.Models;
using CdsLmn.Service.Commands;
using CdsLmn.Service.Stewardship;
using Microsoft.Extensions.DependencyInjection;

namespace CdsLmn.Service.Tests.Pipeline.Stewardship;

/// <summary>A store seeded through <see cref="ICardLedger"/> with known outcomes, shared by the report tests.</summary>
public sealed class SeededStore : IAsyncLifetime
{
    public const string Select = "ivig-lmn-order-select";
    public const string Sign = "ivig-lmn-order-sign";

    private static readonly DateTimeOffset March = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    public CdsLmnApp App { get; } = new();

    public Task InitializeAsync() => SeedAsync(App.Services.GetRequiredService<ICardLedger>());

    /// <summary>Records the known cards and feedback through <paramref name="ledger"/> (any store).</summary>
    internal static async Task SeedAsync(ICardLedger ledger)
    {
        var feedback = new List<FeedbackEntry>();

        // select, Active, row 3: accepted, accepted twice (suggestions one by one), overridden with a reason, without one, no feedback.
        var row3 = Enumerable.Range(0, 5).Select(_ => Issue(ledger, Select, 3, "warning", shadow: false)).ToArray();
        feedback.Add(Accepted(row3[0], row3[0].Suggestions[0].Uuid));
        feedback.Add(Accepted(row3[1], row3[1].Suggestions[0].Uuid));
        feedback.Add(Accepted(row3[1], row3[1].Suggestions[1].Uuid.ToUpperInvariant(), minutes: 2));
        feedback.Add(Overridden(row3[2], "clinical-judgement"));
        feedback.Add(Overridden(row3[3], null));

        // select, Active, row 5: overridden then accepted (the latest outcome counts), overridden reported twice.
        var row5 = Enumerable.Range(0, 2).Select(_ => Issue(ledger, Select, 5, "info", shadow: false)).ToArray();
        feedback.Add(Overridden(row5[0], "a"));
        feedback.Add(Accepted(row5[0], row5[0].Suggestions[1].Uuid, minutes: 5));
        feedback.Add(Overridden(row5[1], "a"));
        feedback.Add(Overridden(row5[1], "a"));

        // Shadow cards: sign row 3 without feedback, select row 3 overridden.
        for (var i = 0; i < 3; i++)
        {
            Issue(ledger, Sign, 3, "warning", shadow: true);
        }
        feedback.Add(Overridden(Issue(ledger, Select, 3, "warning", shadow: true), "b"));

        // Outside March, and feedback about a card never issued.
        feedback.Add(Overridden(Issue(ledger, Select, 3, "warning", shadow: false, issuedAt: new(2025, 2, 1, 12, 0, 0, TimeSpan.Zero)), "a"));
        feedback.Add(new FeedbackEntry { ServiceId = Select, CardUuid = Guid.NewGuid().ToString(), Response = ClinicianResponse.Overridden, OutcomeAt = March });

        await ledger.FlushAsync(CancellationToken.None);
        await ledger.RecordFeedbackAsync(feedback, CancellationToken.None);
    }

    public async Task DisposeAsync() => await App.DisposeAsync(); // the app deletes its own store

    private static IssuedCard Issue(ICardLedger ledger, string service, int row, string indicator, bool shadow, DateTimeOffset? issuedAt = null)
    {
        var card = IssuedCards.Card(shadow, row: row, indicator: indicator, service: service, issuedAt: issuedAt ?? March);
        ledger.RecordIssued(card);
        return card;
    }

    private static FeedbackEntry Accepted(IssuedCard card, string suggestion, int minutes = 1) => new()
    {
        ServiceId = card.ServiceId,
        CardUuid = card.CardUuid,
        Response = ClinicianResponse.Accepted,
        AcceptedSuggestionIds = [suggestion],
        OutcomeAt = March.AddMinutes(minutes),
    };

    private static FeedbackEntry Overridden(IssuedCard card, string? code) => new()
    {
        ServiceId = card.ServiceId,
        CardUuid = card.CardUuid,
        Response = ClinicianResponse.Overridden,
        OverrideReason = code is null ? null : new OverrideReasonCode("http://example.org/reasons", code, $"Reason {code}"),
        OutcomeAt = March.AddMinutes(1),
    };
}

/// <summary>The stewardship report: exact figures per service, mode and decision row; its three formats; its command line.</summary>
public sealed class StewardshipReportTests(SeededStore store) : IClassFixture<SeededStore>
{
    private static readonly ReportPeriod March = new(new DateOnly(2025, 3, 1), new DateOnly(2025, 3, 31));

    [Fact]
    public async Task CountsOutcomesReasonsAndSuggestionsPerRow()
    {
        var summary = await SummarizeAsync(March);

        Assert.Equal(4, summary.Rows.Count);
        var row3 = Row(summary, SeededStore.Select, "Active", 3);
        Assert.Equal(("warning", 5, 2, 2, 1), (row3.Indicator, row3.Shown, row3.Accepted, row3.Overridden, row3.WithoutFeedback));
        Assert.Equal([new LabelCount("(none given)", 1), new LabelCount("Reason clinical-judgement", 1)], row3.OverrideReasons);
        Assert.Equal([new LabelCount("Cancel the IVIg order", 2), new LabelCount("Order anti-GM1 IgM", 1)], row3.AcceptedSuggestions);

        var row5 = Row(summary, SeededStore.Select, "Active", 5);
        Assert.Equal(("info", 2, 1, 1, 0), (row5.Indicator, row5.Shown, row5.Accepted, row5.Overridden, row5.WithoutFeedback));
        Assert.Equal([new LabelCount("Reason a", 1)], row5.OverrideReasons);
        Assert.Equal([new LabelCount("Order anti-GM1 IgM", 1)], row5.AcceptedSuggestions);

        Assert.Equal([new UnknownCardFeedback(SeededStore.Select, 1)], summary.UnknownCardFeedback);
    }

    [Fact]
    public async Task ReportsShadowCardsSeparately()
    {
        var summary = await SummarizeAsync(March);

        var shadowSign = Row(summary, SeededStore.Sign, "Shadow", 3);
        Assert.Equal((3, 0, 0, 3), (shadowSign.Shown, shadowSign.Accepted, shadowSign.Overridden, shadowSign.WithoutFeedback));
        var shadowSelect = Row(summary, SeededStore.Select, "Shadow", 3);
        Assert.Equal((1, 0, 1, 0), (shadowSelect.Shown, shadowSelect.Accepted, shadowSelect.Overridden, shadowSelect.WithoutFeedback));
        Assert.Equal([new LabelCount("Reason b", 1)], shadowSelect.OverrideReasons);
        Assert.Equal(5, Row(summary, SeededStore.Select, "Active", 3).Shown);
    }

    [Fact]
    public async Task FiltersByInclusiveUtcDays()
    {
        var all = await SummarizeAsync(ReportPeriod.All);
        var february = await SummarizeAsync(new ReportPeriod(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 1)));
        var beforeMarch14 = await SummarizeAsync(new ReportPeriod(null, new DateOnly(2025, 3, 13)));

        Assert.Equal(6, Row(all, SeededStore.Select, "Active", 3).Shown);
        var row = Assert.Single(february.Rows);
        Assert.Equal((1, 1), (row.Shown, row.Overridden));
        Assert.Empty(february.UnknownCardFeedback);
        Assert.Equal(1, Assert.Single(beforeMarch14.Rows).Shown);
    }

    [Fact]
    public async Task PrintsAnAlignedTable()
    {
        var (code, output, _) = await RunAsync("report", "--from", "2025-03-01", "--to", "2025-03-31");

        Assert.Equal(0, code);
        var lines = output.Split('\n');
        Assert.StartsWith("Stewardship report: cards issued from 2025-03-01 to 2025-03-31 (UTC)", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^service\s+mode\s+row\s+indicator\s+shown\s+accepted\s+overridden\s+no feedback$", lines[2]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ivig-lmn-order-select\s+Active\s+3\s+warning\s+5\s+2\s+2\s+1$"));
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^ivig-lmn-order-sign\s+Shadow\s+3\s+warning\s+3\s+0\s+0\s+3$"));
        Assert.Contains("    suggestions accepted: Cancel the IVIg order (2), Order anti-GM1 IgM (1)", lines);
        Assert.Contains("    override reasons: (none given) (1), Reason clinical-judgement (1)", lines);
        Assert.Contains("Feedback about unknown cards, ivig-lmn-order-select: 1", lines);
    }

    [Fact]
    public async Task PrintsCsvWithAHeaderAndOneLinePerRow()
    {
        var (code, output, _) = await RunAsync("report", "--from", "2025-03-01", "--to", "2025-03-31", "--format", "csv");

        Assert.Equal(0, code);
        var records = output.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(ParseCsvLine).ToList();
        Assert.Equal(["service", "mode", "row", "indicator", "shown", "accepted", "overridden", "no_feedback", "override_reasons", "accepted_suggestions"], records[0]);
        Assert.Equal(5, records.Count);
        Assert.All(records, r => Assert.Equal(10, r.Count));
        Assert.Contains(records, r => r.SequenceEqual([
            "ivig-lmn-order-select", "Active", "3", "warning", "5", "2", "2", "1",
            "(none given) (1); Reason clinical-judgement (1)", "Cancel the IVIg order (2); Order anti-GM1 IgM (1)"]));
    }

    [Fact]
    public async Task PrintsJsonThatParsesBackToTheSameFigures()
    {
        var (code, output, _) = await RunAsync("report", "--format", "JSON", "--from", "2025-03-01", "--to", "2025-03-31");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("2025-03-01", json.RootElement.GetProperty("period").GetProperty("from").GetString());
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, rows.Count);
        var shadow = rows.Single(r => r.GetProperty("mode").GetString() == "Shadow" && r.GetProperty("serviceId").GetString() == SeededStore.Sign);
        Assert.Equal(3, shadow.GetProperty("withoutFeedback").GetInt32());
        var row3 = rows.Single(r => r.GetProperty("mode").GetString() == "Active" && r.GetProperty("decisionRow").GetInt32() == 3);
        Assert.Equal(2, row3.GetProperty("acceptedSuggestions")[0].GetProperty("count").GetInt32());
        Assert.Equal("Cancel the IVIg order", row3.GetProperty("acceptedSuggestions")[0].GetProperty("label").GetString());
    }

    [Theory]
    [InlineData("report", "--from")]
    [InlineData("report", "--from", "14/03/2025")]
    [InlineData("report", "--to", "2025-02-30")]
    [InlineData("report", "--format", "xml")]
    [InlineData("report", "--format", "1")]
    [InlineData("report", "--since", "2025-03-01")]
    [InlineData("report", "--from", "2025-03-02", "--to", "2025-03-01")]
    public async Task RefusesBadArgumentsWithUsageOnStandardError(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Contains("report [options]", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("report", "--days", "0")]
    [InlineData("report", "--days", "7", "--from", "2025-03-01")]
    public async Task RefusesAPeriodGivenTwiceOrEmpty(params string[] args)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.Contains("--days", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoversEveryCardWithoutAPeriodAndTheLastDaysWithDays()
    {
        var (code, output, _) = await RunAsync("report", "--format", "json");
        var (recentCode, recent, _) = await RunAsync("report", "--days", "30", "--format", "json");

        Assert.Equal((0, 0), (code, recentCode));
        using var all = JsonDocument.Parse(output);
        Assert.False(all.RootElement.GetProperty("period").TryGetProperty("from", out _));
        Assert.Equal(6, all.RootElement.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("mode").GetString() == "Active" && r.GetProperty("decisionRow").GetInt32() == 3).GetProperty("shown").GetInt32());
        using var last30 = JsonDocument.Parse(recent);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            last30.RootElement.GetProperty("period").GetProperty("to").GetString());
        Assert.Empty(last30.RootElement.GetProperty("rows").EnumerateArray()); // the seeded cards are from 2025
    }

    [Fact]
    public async Task SaysSoWhenThereIsNoStore()
    {
        var missing = TestStore.NewPath();
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CdsLmnCommandLine.RunAsync(["report"], output, error, new Dictionary<string, string?> { ["CdsLmn:Storage:SqlitePath"] = missing });

        Assert.Equal(1, code);
        Assert.Contains(missing, error.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(missing));
    }

    private Task<StewardshipSummary> SummarizeAsync(ReportPeriod period) =>
        store.App.Services.GetRequiredService<IStewardshipQuery>().SummarizeAsync(period, CancellationToken.None);

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CdsLmnCommandLine.RunAsync(args, output, error, new Dictionary<string, string?> { ["CdsLmn:Storage:SqlitePath"] = store.App.SqlitePath });
        return (code, output.ToString(), error.ToString());
    }

    private static StewardshipRow Row(StewardshipSummary summary, string service, string mode, int row) =>
        Assert.Single(summary.Rows, r => r.ServiceId == service && r.Mode == mode && r.DecisionRow == row);

    // RFC 4180: fields separated by commas, double quotes around fields with special characters, "" inside them.
    private static List<string> ParseCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        fields.Add(field.ToString());
        return fields;
    }
}
