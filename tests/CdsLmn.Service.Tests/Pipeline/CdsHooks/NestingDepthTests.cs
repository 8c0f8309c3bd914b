using System.Net;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>A body nested too deeply is told apart from malformed JSON, on hook calls and on feedback.</summary>
public sealed class NestingDepthTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private const string TooDeep = "the body is nested more deeply than 64 levels";
    private readonly CdsLmnApp _app = appFixture.App;

    public static TheoryData<string> Urls() => [TestData.OrderSelectUrl, FeedbackBodies.SelectFeedbackUrl];

    public static TheoryData<string, int, bool> Depths() => new()
    {
        // url, nesting of the extension array, refused as too deep (else judged on its content: still a 400 here)
        { TestData.OrderSelectUrl, 70, true },
        { FeedbackBodies.SelectFeedbackUrl, 70, true },
        { TestData.OrderSelectUrl, 60, false },
        { FeedbackBodies.SelectFeedbackUrl, 60, false },
    };

    [Theory]
    [MemberData(nameof(Depths))]
    public async Task ABodyNestedBeyondTheLimitIsRefusedAsTooDeepAndOnlyThen(string url, int depth, bool tooDeep)
    {
        var body = $$"""{"hook":"order-select","extension":{{Nested(depth)}}}""";

        using var response = await _app.CreateClient().PostAsync(url, TestData.Json(body));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(tooDeep, diagnostics.Contains(TooDeep, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task MalformedJsonIsStillCalledMalformed(string url)
    {
        using var response = await _app.CreateClient().PostAsync(url, TestData.Json("{\"hook\":"));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("malformed JSON", diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("nested", diagnostics, StringComparison.Ordinal);
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);
}
