using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>docs/cds-hooks-spec.md §5 and §10 items 49–51: the feedback endpoint validates, stores once, and answers 200 with a receipt.</summary>
public sealed class FeedbackTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private const string Card = "8a7f5e2c-1d3b-4c6a-9e0f-2b4d6c8a0e1f";
    private readonly CdsLmnApp _app = appFixture.App;

    public static TheoryData<string, string> MalformedBodies() => new()
    {
        // body, text the diagnostics must name
        { """{}""", "'feedback'" },
        { """{"feedback":null}""", "'feedback'" },
        { """{"feedback":[]}""", "'feedback'" },
        { """{"feedback":{}}""", "'feedback'" },
        { """{"feedback":[7]}""", "'feedback[0]'" },
        { Entry("""{"outcome":"overridden","outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].card'" },
        { Entry("""{"card":"","outcome":"overridden","outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].card'" },
        { Entry("""{"card":"not-a-uuid","outcome":"overridden","outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].card'" },
        { Entry("""{"card":42,"outcome":"overridden","outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].card'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].outcome'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"ignored","outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].outcome'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"Accepted","acceptedSuggestions":[{"id":"x"}],"outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].outcome'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"accepted","outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].acceptedSuggestions'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"accepted","acceptedSuggestions":[],"outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].acceptedSuggestions'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"accepted","acceptedSuggestions":[{}],"outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].acceptedSuggestions[0].id'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"accepted","acceptedSuggestions":[{"id":"a"},{"id":7}],"outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].acceptedSuggestions[1].id'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"accepted","acceptedSuggestions":["a"],"outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].acceptedSuggestions[0]'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"overridden","acceptedSuggestions":[{"id":"a"}],"outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].acceptedSuggestions'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"overridden","overrideReason":"busy","outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].overrideReason'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"overridden","overrideReason":{},"outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].overrideReason'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"overridden","overrideReason":{"reason":{"system":"s"}},"outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].overrideReason.reason.code'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"overridden","overrideReason":{"reason":{"code":"c"}},"outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].overrideReason.reason.system'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"overridden","overrideReason":{"reason":{"code":"c","system":"s","display":1}},"outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].overrideReason.reason.display'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"overridden","overrideReason":{"userComment":""},"outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].overrideReason.userComment'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"accepted","acceptedSuggestions":[{"id":"a"}],"overrideReason":{"userComment":"x"},"outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "'feedback[1].overrideReason'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"overridden"}"""), "'feedback[1].outcomeTimestamp'" },
        { Timestamp("2021-12-11T10:05:31+24:00"), "'feedback[1].outcomeTimestamp' must be an RFC 3339 date-time" },
        { Timestamp("2021-12-11T10:05:31-00:00"), "'feedback[1].outcomeTimestamp'" },
        { Timestamp("2021-12-11T10:05:31"), "'feedback[1].outcomeTimestamp'" },
        { Timestamp("2021-12-11 10:05:31Z"), "'feedback[1].outcomeTimestamp'" },
        { Timestamp("20211211T100531Z"), "'feedback[1].outcomeTimestamp'" },
        { Timestamp("2021-12-11"), "'feedback[1].outcomeTimestamp'" },
        { Timestamp("2021-13-11T10:05:31Z"), "'feedback[1].outcomeTimestamp'" },
        { Timestamp("2021-12-11T10:05:31Z\\n"), "'feedback[1].outcomeTimestamp'" },
        { Timestamp("1639217131"), "'feedback[1].outcomeTimestamp'" },
        { Entry($$$"""{"card":"{{{Card}}}","outcome":"accepted","outcome":"overridden","outcomeTimestamp":"2021-12-11T10:05:31Z"}"""), "duplicate member 'outcome'" },
        { """{"feedback":[],"feedback":[{}]}""", "duplicate member 'feedback'" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task AnswersBadRequestNamingTheFieldAndEntry(string body, string named)
    {
        using var response = await _app.CreateClient().PostAsync(FeedbackBodies.SelectFeedbackUrl, TestData.Json(body));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(named, diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("""{"feedback":[],}""")]
    [InlineData("")]
    public async Task AnswersBadRequestForMalformedJson(string body)
    {
        using var response = await _app.CreateClient().PostAsync(FeedbackBodies.SelectFeedbackUrl, TestData.Json(body));

        await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("2021-12-11T10:05:31Z")]
    [InlineData("2021-12-11T10:05:31.123Z")]
    [InlineData("2021-12-11T10:05:31.123456789Z")]
    [InlineData("2021-12-11T10:05:31+00:00")]
    [InlineData("2021-12-11T11:05:31+01:00")]
    [InlineData("2021-12-11T05:05:31.5-05:00")]
    public async Task AcceptsAnOverrideWithoutReasonAtAnyRfc3339Offset(string timestamp)
    {
        var body = FeedbackBodies.Body(FeedbackBodies.Overridden(FeedbackBodies.NewUuid(), timestamp: timestamp));

        var receipt = await PostAsync(body);

        Assert.Equal(1, receipt.GetProperty("received").GetInt32());
        Assert.Equal(1, receipt.GetProperty("stored").GetInt32());
    }

    [Fact]
    public async Task AcceptsAcceptedAndOverriddenEntriesWithReasonsAndExtraMembers()
    {
        var accepted = FeedbackBodies.Accepted(FeedbackBodies.NewUuid(), FeedbackBodies.NewUuid(), FeedbackBodies.NewUuid());
        accepted["extension"] = new JsonObject { ["org.example.flag"] = true };
        var overridden = FeedbackBodies.Overridden(FeedbackBodies.NewUuid(), code: "clinical-judgement", comment: "MMN confirmed elsewhere");
        var commentOnly = FeedbackBodies.Overridden(FeedbackBodies.NewUuid(), comment: "patient preference");
        var noDisplay = FeedbackBodies.Overridden(FeedbackBodies.NewUuid(), code: "x");
        noDisplay["overrideReason"]!["reason"]!.AsObject().Remove("display");

        using var response = await _app.CreateClient().PostAsync(FeedbackBodies.SelectFeedbackUrl, TestData.Json(FeedbackBodies.Body(accepted, overridden, commentOnly, noDisplay)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"received":4,"stored":4}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StoresTheSameFeedbackOnce()
    {
        var card = FeedbackBodies.NewUuid();
        var suggestion = FeedbackBodies.NewUuid();
        var body = FeedbackBodies.Body(FeedbackBodies.Accepted(card, suggestion));

        var first = await PostAsync(body);
        var second = await PostAsync(body);
        // The same entry twice in one call, and with the uuid in upper case, is the same feedback too.
        var repeated = FeedbackBodies.Body(FeedbackBodies.Accepted(card.ToUpperInvariant(), suggestion), FeedbackBodies.Accepted(card, suggestion));
        var third = await PostAsync(repeated);

        Assert.Equal(1, first.GetProperty("stored").GetInt32());
        Assert.Equal(0, second.GetProperty("stored").GetInt32());
        Assert.Equal(2, third.GetProperty("received").GetInt32());
        Assert.Equal(0, third.GetProperty("stored").GetInt32());
        Assert.Equal(1, TestStore.Scalar(_app.SqlitePath, "SELECT COUNT(*) FROM feedback WHERE card_uuid = $c", ("$c", card)));
    }

    [Fact]
    public async Task StoresAnotherOutcomeOrTimeOfTheSameCardSeparately()
    {
        var card = FeedbackBodies.NewUuid();

        await PostAsync(FeedbackBodies.Body(
            FeedbackBodies.Overridden(card),
            FeedbackBodies.Overridden(card, timestamp: "2021-12-11T10:06:00Z"),
            FeedbackBodies.Accepted(card, "s1"),
            FeedbackBodies.Accepted(card, "s2")));

        Assert.Equal(4, TestStore.Scalar(_app.SqlitePath, "SELECT COUNT(*) FROM feedback WHERE card_uuid = $c", ("$c", card)));
    }

    [Fact]
    public async Task StoresSeveralEntriesPerCall()
    {
        var cards = Enumerable.Range(0, 5).Select(_ => FeedbackBodies.NewUuid()).ToArray();

        var receipt = await PostAsync(FeedbackBodies.Body([.. cards.Select(c => FeedbackBodies.Overridden(c, code: "c1"))]));

        Assert.Equal(5, receipt.GetProperty("stored").GetInt32());
        foreach (var card in cards)
        {
            Assert.Equal(1, TestStore.Scalar(_app.SqlitePath, "SELECT COUNT(*) FROM feedback WHERE card_uuid = $c AND reason_code = 'c1'", ("$c", card)));
        }
    }

    [Fact]
    public async Task AcceptsFeedbackAboutAnUnknownCardAndMarksIt()
    {
        var card = FeedbackBodies.NewUuid();

        var receipt = await PostAsync(FeedbackBodies.Body(FeedbackBodies.Overridden(card)));

        Assert.Equal(1, receipt.GetProperty("stored").GetInt32());
        Assert.Equal(0, TestStore.Scalar(_app.SqlitePath, "SELECT known_card FROM feedback WHERE card_uuid = $c", ("$c", card)));
    }

    [Fact]
    public async Task AnswersNotFoundForAnUnknownService()
    {
        using var response = await _app.CreateClient().PostAsync(
            "/cds-services/no-such-service/feedback", TestData.Json(FeedbackBodies.Body(FeedbackBodies.Overridden(Card))));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no-such-service", diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task AnswersUnsupportedMediaTypeForNonJson(string contentType)
    {
        using var content = new StringContent(FeedbackBodies.Body(FeedbackBodies.Overridden(Card)).ToJsonString(), Encoding.UTF8, contentType);

        using var response = await _app.CreateClient().PostAsync(FeedbackBodies.SelectFeedbackUrl, content);

        await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task AnswersPayloadTooLargeOverTheLimit()
    {
        var entry = FeedbackBodies.Overridden(Card, comment: new string('x', 1024 * 1024));

        using var response = await _app.CreateClient().PostAsync(FeedbackBodies.SelectFeedbackUrl, TestData.Json(FeedbackBodies.Body(entry)));

        await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task FeedbackIsServedByBothServicesWithCors()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TestData.OrderSignUrl + "/feedback")
        {
            Content = TestData.Json(FeedbackBodies.Body(FeedbackBodies.Overridden(FeedbackBodies.NewUuid()))),
        };
        request.Headers.Add("Origin", "https://sandbox.cds-hooks.org");

        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    private async Task<JsonElement> PostAsync(JsonNode body)
    {
        using var response = await _app.CreateClient().PostAsync(FeedbackBodies.SelectFeedbackUrl, TestData.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // A valid first entry, then the one under test: the message must name index 1.
    private static string Entry(string second) =>
        $$"""{"feedback":[{"card":"{{Card}}","outcome":"overridden","outcomeTimestamp":"2021-12-11T10:05:31Z"},{{second}}]}""";

    private static string Timestamp(string value) =>
        Entry($$"""{"card":"{{Card}}","outcome":"overridden","outcomeTimestamp":"{{value}}"}""");
}
