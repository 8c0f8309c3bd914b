using System.Net;
using System.Text.Json;
using CdsLmn.Service.Stewardship;
using Microsoft.Extensions.DependencyInjection;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>Feedback names cards of its own service: an order-select card reported to order-sign is foreign there.</summary>
public sealed class FeedbackAcrossServicesTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private const string SignFeedbackUrl = TestData.OrderSignUrl + "/feedback";
    private readonly CdsLmnApp _app = appFixture.App;

    [Fact]
    public async Task AnOrderSelectCardReportedToOrderSignIsCountedForeignAndNotStored()
    {
        var card = await IssueOrderSelectCardAsync();
        var body = TestData.Json(FeedbackBodies.Body(FeedbackBodies.Overridden(card)));

        using var atSign = await _app.CreateClient().PostAsync(SignFeedbackUrl, body);

        Assert.Equal(HttpStatusCode.OK, atSign.StatusCode);
        Assert.Equal("""{"received":1,"stored":0,"foreign":1}""", await atSign.Content.ReadAsStringAsync());
        Assert.Equal(0, TestStore.Scalar(_app.SqlitePath, "SELECT COUNT(*) FROM feedback WHERE card_uuid = $c", ("$c", card)));
    }

    [Fact]
    public async Task TheSameCardReportedToItsOwnServiceIsStoredAsKnown()
    {
        var card = await IssueOrderSelectCardAsync();

        using var atSelect = await _app.CreateClient().PostAsync(FeedbackBodies.SelectFeedbackUrl, TestData.Json(FeedbackBodies.Body(FeedbackBodies.Overridden(card))));

        Assert.Equal("""{"received":1,"stored":1}""", await atSelect.Content.ReadAsStringAsync());
        Assert.Equal(1, TestStore.Scalar(_app.SqlitePath, "SELECT COUNT(*) FROM feedback WHERE card_uuid = $c AND known_card = 1", ("$c", card)));
    }

    private async Task<string> IssueOrderSelectCardAsync()
    {
        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(Scenario.Warning().OrderSelect()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var cards = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var card = cards.RootElement.GetProperty("cards")[0].GetProperty("uuid").GetString()!;
        await _app.Services.GetRequiredService<ICardLedger>().FlushAsync(CancellationToken.None);
        return card;
    }
}
