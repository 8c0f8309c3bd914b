using System.Net;
using System.Text.Json.Nodes;
using CdsLmn.Service.Stewardship;
using Microsoft.Extensions.DependencyInjection;

namespace CdsLmn.Service.Tests.Pipeline.Stewardship;

/// <summary>Go-live: shadow mode evaluates and records every card but shows none; active mode records what it shows.</summary>
public sealed class ShadowModeTests
{
    private static JsonObject WarningScenario() => Scenario.Warning().OrderSelect();

    [Fact]
    public async Task ShadowModeAnswersSilentlyButRecordsTheCard()
    {
        await using var app = new CdsLmnApp(AppSettings.Development.With(("CdsLmn:Mode", "Shadow")));

        using var response = await app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(WarningScenario()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"cards":[]}""", await response.Content.ReadAsStringAsync());
        var row = Assert.Single(await RowsAsync(app));
        Assert.Equal(("Shadow", 3, "warning", 1), (row.Mode, row.DecisionRow, row.Indicator, row.Shown));
    }

    [Fact]
    public async Task ActiveModeRecordsTheCardItShows()
    {
        await using var app = new CdsLmnApp();

        using var response = await app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(WarningScenario()));

        var card = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]![0]!;
        Assert.Equal("warning", (string?)card["indicator"]);
        var row = Assert.Single(await RowsAsync(app));
        Assert.Equal(("Active", 3, 1, 1), (row.Mode, row.DecisionRow, row.Shown, row.WithoutFeedback));
    }

    private static async Task<IReadOnlyList<StewardshipRow>> RowsAsync(CdsLmnApp app)
    {
        await app.Services.GetRequiredService<ICardLedger>().FlushAsync(CancellationToken.None);
        var summary = await app.Services.GetRequiredService<IStewardshipQuery>().SummarizeAsync(ReportPeriod.All, CancellationToken.None);
        return summary.Rows;
    }
}
