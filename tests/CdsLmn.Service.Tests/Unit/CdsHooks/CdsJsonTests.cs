using System.Text.Json;
using System.Text.Json.Nodes;
using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.CdsHooks.Models;

namespace CdsLmn.Service.Tests.Unit.CdsHooks;

/// <summary>docs/cds-hooks-spec.md §4.1 and §10 items 29–48: the JSON rules of responses.</summary>
public sealed class CdsJsonTests
{
    private static readonly CardSource Source = new() { Label = "CdsLmn" };

    [Fact]
    public void SilenceIsExactlyAnEmptyCardsArray()
    {
        Assert.Equal("""{"cards":[]}""", JsonSerializer.Serialize(CdsResponse.Silent, CdsJson.Options));
    }

    [Fact]
    public void OmitsEveryUnsetOptionalMemberOfACard()
    {
        var card = new Card { Summary = "A summary", Indicator = CardIndicator.Info, Source = Source };

        var json = JsonNode.Parse(JsonSerializer.Serialize(new CdsResponse { Cards = [card] }, CdsJson.Options))!;

        var written = json["cards"]![0]!.AsObject().Select(p => p.Key).Order();
        Assert.Equal(["indicator", "source", "summary", "uuid"], written);
        Assert.Equal("""{"label":"CdsLmn"}""", json["cards"]![0]!["source"]!.ToJsonString());
        Assert.Null(json["systemActions"]);
    }

    [Fact]
    public void OmitsEmptyStringsListsAndObjects()
    {
        var card = new Card
        {
            Summary = "A summary",
            Detail = "",
            Indicator = CardIndicator.Warning,
            Source = Source with { Topic = null },
            Suggestions = [],
            OverrideReasons = [],
            Links = [],
            Extension = [],
        };

        var json = JsonSerializer.Serialize(new CdsResponse { Cards = [card], SystemActions = [] }, CdsJson.Options);

        Assert.DoesNotContain("null", json, StringComparison.Ordinal);
        Assert.DoesNotContain("[]", json.Replace("\"cards\":[", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("{}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void WritesCodesInLowerKebabCase()
    {
        var card = new Card
        {
            Summary = "A summary",
            Indicator = CardIndicator.Warning,
            Source = Source,
            SelectionBehavior = SelectionBehavior.AtMostOne,
            Suggestions = [new Suggestion { Label = "Remove", Actions = [new CdsAction { Type = ActionType.Delete, Description = "Remove it", ResourceId = "MedicationRequest/1" }] }],
            Links = [new CardLink { Label = "Evidence", Url = new Uri("https://example.org/"), Type = LinkType.Absolute }],
        };

        var json = JsonNode.Parse(JsonSerializer.Serialize(card, CdsJson.Options))!;

        Assert.Equal("warning", (string?)json["indicator"]);
        Assert.Equal("at-most-one", (string?)json["selectionBehavior"]);
        Assert.Equal("delete", (string?)json["suggestions"]![0]!["actions"]![0]!["type"]);
        Assert.Equal("absolute", (string?)json["links"]![0]!["type"]);
    }

    [Theory]
    [InlineData(139, true)]
    [InlineData(140, false)]
    [InlineData(400, false)]
    public void ASummaryCanNeverReach140Characters(int length, bool allowed)
    {
        var summary = new string('s', length);

        var build = () => new Card { Summary = summary, Indicator = CardIndicator.Info, Source = Source };

        if (allowed)
        {
            Assert.Equal(length, build().Summary.Length);
        }
        else
        {
            Assert.Throws<ArgumentException>(build);
        }
    }

    [Fact]
    public void EveryCardAndSuggestionGetsAFreshUuid()
    {
        var cards = Enumerable.Range(0, 3).Select(_ => new Card { Summary = "s", Indicator = CardIndicator.Info, Source = Source }).ToList();
        var suggestions = Enumerable.Range(0, 3).Select(_ => new Suggestion { Label = "l" }).ToList();

        var ids = cards.Select(c => c.Uuid).Concat(suggestions.Select(s => s.Uuid)).ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _)));
    }
}
