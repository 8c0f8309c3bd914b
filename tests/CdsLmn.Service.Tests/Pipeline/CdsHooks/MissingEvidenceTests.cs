using System.Net;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>The 412 names each missing prefetch key once, and keys that share a reason share one sentence.</summary>
public sealed class MissingEvidenceTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private const string NoServer = "not prefetched, and the request has no fhirServer";
    private readonly CdsLmnApp _app = appFixture.App;

    [Fact]
    public async Task NamesEachMissingKeyOnceAndEachReasonOnce()
    {
        var scenario = new Scenario().NerveConduction("260385009", daysAgo: 60)
            .Without("antiGm1IgM").Without("creatineKinase").Without("patient").Set("fhirServer", null);

        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(scenario.OrderSelect()));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Equal(1, Occurrences(diagnostics, NoServer));
        foreach (var key in new[] { "antiGm1IgM", "creatineKinase", "patient" })
        {
            Assert.Equal(1, Occurrences(diagnostics, key));
        }
        Assert.Matches(@"(antiGm1IgM|creatineKinase|patient)(, (antiGm1IgM|creatineKinase|patient)){2} \(" + NoServer + @"\)", diagnostics);
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
