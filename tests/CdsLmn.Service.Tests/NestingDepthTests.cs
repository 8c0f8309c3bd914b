using System.Net;

namespace CdsLmn.Service.Tests;

/// <summary>A body nested too deeply is told apart from malformed JSON, on hook calls and on feedback.</summary>
public sealed class NestingDepthTests(CdsLmnAppFactory app) : IClassFixture<CdsLmnAppFactory>
{
    private const string TooDeep = "the body is nested more deeply than 64 levels";

    public static TheoryData<string> Urls() => [TestData.OrderSelectUrl, FeedbackBodies.SelectFeedbackUrl];

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task ABodyNestedBeyondTheLimitIsRefusedAsTooDeep(string url)
    {
        var body = $$"""{"hook":"order-select","extension":{{Nested(70)}}}""";

        using var response = await app.CreateClient().PostAsync(url, TestData.Json(body));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(TooDeep, diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task ABodyWithinTheLimitIsJudgedOnItsContentNotItsDepth(string url)
    {
        var body = $$"""{"hook":"order-select","extension":{{Nested(60)}}}""";

        using var response = await app.CreateClient().PostAsync(url, TestData.Json(body));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("nested", diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Urls))]
    public async Task MalformedJsonIsStillCalledMalformed(string url)
    {
        using var response = await app.CreateClient().PostAsync(url, TestData.Json("{\"hook\":"));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("malformed JSON", diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("nested", diagnostics, StringComparison.Ordinal);
    }

    private static string Nested(int depth) => new string('[', depth) + new string(']', depth);
}
