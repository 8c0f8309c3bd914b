using System.Net;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>
/// End to end through the HTTP endpoint with prefetch: realistic patients, the indicator they get, and the
/// patient's own values in the card.
/// </summary>
public sealed class HookScenarioTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private const string Negative = "260385009";
    private const string Positive = "10828004";
    private readonly CdsLmnApp _app = appFixture.App;

    [Fact]
    public async Task WarnsAPmaPatientWithoutConductionBlockWithNegativeGm1AndHighCk()
    {
        var scenario = new Scenario().NerveConduction(Negative, daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);

        var card = Assert.Single(await CardsFor(scenario.OrderSelect()));

        Assert.Equal("warning", (string?)card["indicator"]);
        Assert.InRange(((string)card["summary"]!).Length, 20, 139);
        var detail = (string)card["detail"]!;
        Assert.Contains("450", detail, StringComparison.Ordinal);
        Assert.Contains("12", detail, StringComparison.Ordinal);
        Assert.Contains(Scenario.Day(60), detail, StringComparison.Ordinal);
        Assert.Contains(Scenario.Day(55), detail, StringComparison.Ordinal);
        Assert.Contains("3", detail, StringComparison.Ordinal);
        Assert.Equal(3, (int)card["extension"]!["org.cdslmn.decision"]!["row"]!);
        AssertRemovesTheOrder(card);
        AssertOverridable(card);
    }

    [Fact]
    public async Task TheSamePatientWithHighTitreGm1GetsNoWarning()
    {
        var scenario = new Scenario().NerveConduction(Negative, daysAgo: 60).AntiGm1Index(180, daysAgo: 57, flag: "HH").CreatineKinase(450, daysAgo: 55);

        var cards = await CardsFor(scenario.OrderSelect());

        Assert.All(cards, card => Assert.Equal("info", (string?)card["indicator"]));
    }

    [Fact]
    public async Task StaysSilentWhenConductionBlockIsPresent()
    {
        var scenario = new Scenario().NerveConduction(Positive, daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);

        Assert.Empty(await CardsFor(scenario.OrderSelect()));
    }

    [Fact]
    public async Task StaysSilentForASubcutaneousOnlyProduct()
    {
        var scenario = new Scenario().Medication("Hizentra 20% (immune globulin subcutaneous, human)", route: "34206005")
            .NerveConduction(Negative, daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);

        Assert.Empty(await CardsFor(scenario.OrderSelect()));
    }

    [Fact]
    public async Task StaysSilentForMultifocalMotorNeuropathy()
    {
        var scenario = new Scenario().Indication(Scenario.Icd10, "G61.82")
            .NerveConduction(Negative, daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);

        Assert.Empty(await CardsFor(scenario.OrderSelect()));
    }

    [Fact]
    public async Task StaysSilentWithoutAnLmnIndication()
    {
        var scenario = new Scenario().Indication(Scenario.Icd10, "I10")
            .NerveConduction(Negative, daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);

        Assert.Empty(await CardsFor(scenario.OrderSelect()));
    }

    [Fact]
    public async Task WarnsWhenNoNerveConductionStudyIsOnRecordAndSuggestsOne()
    {
        var scenario = new Scenario().AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);

        var card = Assert.Single(await CardsFor(scenario.OrderSelect()));

        Assert.Equal("warning", (string?)card["indicator"]);
        Assert.Equal(7, (int)card["extension"]!["org.cdslmn.decision"]!["row"]!);
        Assert.Contains(CreatedResources(card), r => (string?)r["resourceType"] == "ServiceRequest" && r.ToJsonString().Contains("18749-2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WarnsWhenAntiGm1WasNeverTestedAndSuggestsTheTest()
    {
        var scenario = new Scenario().NerveConduction(Negative, daysAgo: 60).CreatineKinase(150, daysAgo: 55);

        var card = Assert.Single(await CardsFor(scenario.OrderSelect()));

        Assert.Equal("warning", (string?)card["indicator"]);
        Assert.Equal(6, (int)card["extension"]!["org.cdslmn.decision"]!["row"]!);
        Assert.Contains(CreatedResources(card), r => r.ToJsonString().Contains("51703-7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TreatsAStaleStudyAsNotTestedAndNamesItsDate()
    {
        var scenario = new Scenario().NerveConduction(Negative, daysAgo: 500).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);

        var card = Assert.Single(await CardsFor(scenario.OrderSelect()));

        Assert.Equal(7, (int)card["extension"]!["org.cdslmn.decision"]!["row"]!);
        Assert.Contains(Scenario.Day(500), (string)card["detail"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivesInformationOnlyForAContinuation()
    {
        var scenario = new Scenario().NerveConduction(Negative, daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55).IvigGiven(daysAgo: 28);

        var card = Assert.Single(await CardsFor(scenario.OrderSelect()));

        Assert.Equal("info", (string?)card["indicator"]);
        Assert.Equal(10, (int)card["extension"]!["org.cdslmn.decision"]!["row"]!);
    }

    [Fact]
    public async Task GivesInformationOnlyWhileAStudyIsPending()
    {
        var scenario = new Scenario().PendingNerveConduction().AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);

        var card = Assert.Single(await CardsFor(scenario.OrderSelect()));

        Assert.Equal("info", (string?)card["indicator"]);
        Assert.Equal(9, (int)card["extension"]!["org.cdslmn.decision"]!["row"]!);
    }

    [Fact]
    public async Task ComputesConductionBlockFromSegmentMeasurements()
    {
        var block = new Scenario().Segment("ulnar-forearm", distalArea: 20, proximalArea: 8).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);
        var entrapment = new Scenario().Segment("ulnar-elbow", distalArea: 20, proximalArea: 8).Segment("ulnar-forearm", distalArea: 20, proximalArea: 19)
            .AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);

        Assert.Empty(await CardsFor(block.OrderSelect()));
        var card = Assert.Single(await CardsFor(entrapment.OrderSelect()));
        Assert.Equal("warning", (string?)card["indicator"]);
    }

    [Fact]
    public async Task OrderSignWarnsLikeOrderSelect()
    {
        var scenario = new Scenario().NerveConduction(Negative, daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55);

        var card = Assert.Single(await CardsFor(scenario.OrderSign(), TestData.OrderSignUrl));

        Assert.Equal("warning", (string?)card["indicator"]);
        AssertRemovesTheOrder(card);
    }

    [Fact]
    public async Task AnswersPreconditionFailedWhenRequiredDataCannotBeObtained()
    {
        var scenario = new Scenario().NerveConduction(Negative, daysAgo: 60).CreatineKinase(450, daysAgo: 55).Without("antiGm1IgM").Set("fhirServer", null);

        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(scenario.OrderSelect()));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Contains("antiGm1IgM", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NamesAMedicationItCouldNotReadWhenTheOrderOnlyReferencesIt()
    {
        var scenario = new Scenario().NerveConduction(Negative, daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55).Set("fhirServer", null);
        scenario.Order.Remove("medicationCodeableConcept");
        scenario.Order["medicationReference"] = new JsonObject { ["reference"] = "Medication/med-42" };

        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(scenario.OrderSelect()));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.PreconditionFailed);
        Assert.Contains("Medication/med-42 (not in draftOrders, and the request has no fhirServer)", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersNormallyWhenTheEvidenceAtHandAlreadyDecides()
    {
        var scenario = new Scenario().NerveConduction(Positive, daysAgo: 60).Without("antiGm1IgM").Without("creatineKinase").Set("fhirServer", null);
        var notIvig = new Scenario().Medication("Labetalol 300 MG Oral Tablet").Without("antiGm1IgM").Without("conditions").Set("fhirServer", null);

        Assert.Empty(await CardsFor(scenario.OrderSelect()));
        Assert.Empty(await CardsFor(notIvig.OrderSelect()));
    }

    [Fact]
    public async Task TheExampleRequestGetsOneWarningCard()
    {
        var body = TestData.Node("examples/order-select-ivig.json");
        ShiftDatesToToday(body, new DateOnly(2026, 11, 26));

        var card = Assert.Single(await CardsFor(body));

        Assert.Equal("warning", (string?)card["indicator"]);
    }

    private async Task<List<JsonObject>> CardsFor(JsonObject body, string url = TestData.OrderSelectUrl)
    {
        using var response = await _app.CreateClient().PostAsync(url, TestData.Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        var cards = JsonNode.Parse(text)!["cards"]!.AsArray().Select(c => c!.AsObject()).ToList();
        foreach (var card in cards)
        {
            CardAssert.IsConformant(card);
        }
        return cards;
    }

    private static void AssertRemovesTheOrder(JsonObject card)
    {
        var actions = card["suggestions"]!.AsArray().SelectMany(s => s!["actions"]!.AsArray()).ToList();
        Assert.Contains(actions, a => (string?)a!["type"] == "delete" && (string?)a["resourceId"] == "MedicationRequest/ivig-order-1");
    }

    private static void AssertOverridable(JsonObject card)
    {
        var reasons = card["overrideReasons"]!.AsArray();
        Assert.Equal(4, reasons.Count);
        Assert.All(reasons, r => Assert.False(string.IsNullOrWhiteSpace((string?)r!["display"])));
    }

    private static List<JsonObject> CreatedResources(JsonObject card) =>
        card["suggestions"]!.AsArray().SelectMany(s => s!["actions"]!.AsArray())
            .Where(a => (string?)a!["type"] == "create").Select(a => a!["resource"]!.AsObject()).ToList();

    /// <summary>Moves every date of a fixture written on <paramref name="writtenOn"/> by the days since then.</summary>
    private static void ShiftDatesToToday(JsonObject body, DateOnly writtenOn)
    {
        var shift = DateOnly.FromDateTime(DateTime.UtcNow).DayNumber - writtenOn.DayNumber;
        var text = System.Text.RegularExpressions.Regex.Replace(body.ToJsonString(), "\"(20\\d\\d-\\d\\d-\\d\\d)\"",
            m => $"\"{DateOnly.ParseExact(m.Groups[1].Value, "yyyy-MM-dd").AddDays(shift):yyyy-MM-dd}\"");
        var shifted = JsonNode.Parse(text)!.AsObject();
        body.Clear();
        foreach (var (key, value) in shifted.ToList())
        {
            shifted.Remove(key);
            body[key] = value;
        }
    }
}
