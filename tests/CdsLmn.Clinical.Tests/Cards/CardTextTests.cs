using CdsLmn.Clinical.Cards;
using CdsLmn.Clinical.Fhir;
using CdsLmn.Clinical.Tests.Builders;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Tests.Cards;

public class CardTextTests
{
    public static TheoryData<int, string, OrderStage> AllRowsAndHooks()
    {
        var data = new TheoryData<int, string, OrderStage>();
        foreach (var hook in Enum.GetValues<OrderStage>())
        {
            foreach (var row in Enumerable.Range(0, 11))
            {
                data.Add(row, nameof(AntiGm1State.Negative), hook);
            }

            data.Add(6, nameof(AntiGm1State.Pending), hook);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(AllRowsAndHooks))]
    public void SummaryIsShorterThan140CharactersForEveryRowAndHook(int row, string gm1, OrderStage stage)
    {
        var summary = CardText.SummaryFor(row, Enum.Parse<AntiGm1State>(gm1), stage);

        Assert.InRange(summary.Length, 20, 139);
        Assert.DoesNotContain("contraindicated", summary, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void SummaryGuardThrowsWhenTooLong() =>
        Assert.Throws<InvalidOperationException>(() => CardText.Summary(new string('x', 140)));

    public static TheoryData<string, Resource[]> CardScenarios => new()
    {
        { "row 2", [Scenario.NoCb, Scenario.Gm1High] },
        { "row 3", [Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkHigh] },
        { "row 4", [Scenario.NoCb, Scenario.Gm1Negative] },
        { "row 5", [Scenario.NoCb, Scenario.Gm1Borderline, Scenario.CkNormal] },
        { "row 6", [Scenario.NoCb, Scenario.CkNormal] },
        { "row 6 pending", [Scenario.NoCb, Build.Request("sr", FhirSystems.Loinc, "51703-7")] },
        { "row 7", [] },
        { "row 7 stale", [Build.CbFinding("ncs-old", Build.Negative, daysAgo: 500)] },
        { "row 8", [Scenario.Gm1High] },
        { "row 9", [Scenario.EquivocalCb] },
        { "row 10", [Build.Administration("adm-1", 30)] },
    };

    [Theory]
    [MemberData(nameof(CardScenarios))]
    public void EveryCardFollowsTheCardRules(string name, Resource[] resources)
    {
        foreach (var hook in Enum.GetValues<OrderStage>())
        {
            var advice = Assert.Single(Scenario.Assess(Scenario.Lmn(resources), hook).Advice);

            Assert.True(advice.Summary.Length < 140, name);
            Assert.DoesNotContain("contraindicated", advice.Summary + advice.Detail, StringComparison.OrdinalIgnoreCase);
            Assert.StartsWith("**IVIg ordered for Progressive spinal muscle atrophy (G12.25)**", advice.Detail, StringComparison.Ordinal);
            Assert.Contains("| Test | Result | Date |", advice.Detail, StringComparison.Ordinal);
            Assert.NotEmpty(advice.Links);
            Assert.All(advice.Links, link => Assert.True(link.Url.IsAbsoluteUri));
            Assert.Equal(4, advice.OverrideReasons.Count);
            Assert.All(advice.OverrideReasons, reason => Assert.False(string.IsNullOrWhiteSpace(reason.Display)));
            Assert.All(advice.Suggestions, AssertValidSuggestion);
            Assert.Equal(advice.Indicator == AdviceIndicator.Warning, advice.Suggestions.OfType<DeleteDraftOrder>().Any());
        }
    }

    [Fact]
    public void RowThreeCardNamesThePatientsValuesDatesAndEvidence()
    {
        var advice = Assert.Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkHigh)).Advice);

        Assert.Equal(AdviceIndicator.Warning, advice.Indicator);
        Assert.Contains($"| Nerve conduction, extended protocol | no motor conduction block | {Build.Day(60)} |", advice.Detail, StringComparison.Ordinal);
        Assert.Contains($"| Anti-GM1 IgM | 12 index units — negative (lab range ≤ 29) | {Build.Day(57)} |", advice.Detail, StringComparison.Ordinal);
        Assert.Contains($"| Creatine kinase | 450 U/L — high (lab range 39–308) | {Build.Day(55)} |", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("3 (10 %)", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("Simon et al., Neurology 2013", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("CK > 180 U/L", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("thrombosis (myocardial infarction, stroke) and renal failure", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("**Consider instead:**", advice.Detail, StringComparison.Ordinal);
        Assert.Contains("Override", advice.Detail, StringComparison.Ordinal);
        Assert.Contains(advice.Links, l => l.Url == CardText.Simon2013);
        Assert.Contains(advice.Links, l => l.Url == CardText.JournalWatch);
        Assert.Contains(advice.Links, l => l.Url == CardText.EfnsPns2010);
        var delete = Assert.Single(advice.Suggestions.OfType<DeleteDraftOrder>());
        Assert.Equal("MedicationRequest/ivig-1", delete.ResourceId);
    }

    [Fact]
    public void StaleStudyIsNamedWithItsDate()
    {
        var advice = Assert.Single(Scenario.Assess(Scenario.Lmn(Build.CbFinding("ncs-old", Build.Negative, daysAgo: 500))).Advice);

        Assert.Equal(7, advice.Trace.Row);
        Assert.Contains($"nerve conduction study (last {Build.Day(500)}, too old to count)", advice.Detail, StringComparison.Ordinal);
        Assert.Contains($"stale NCS {Build.Day(500)}", advice.Trace.Flags);
        Assert.Contains(advice.Suggestions.OfType<CreateResource>(), s => Code(s) == "18749-2");
    }

    [Fact]
    public void RowSevenSuggestsNcsGm1AndCk()
    {
        var advice = Assert.Single(Scenario.Assess(Scenario.Lmn()).Advice);

        var created = advice.Suggestions.OfType<CreateResource>().Select(Code).ToList();
        Assert.Equal(["18749-2", "51703-7", "2157-6"], created);
        var ncs = (ServiceRequest)advice.Suggestions.OfType<CreateResource>().First().Resource;
        Assert.Contains("proximal stimulation", ncs.Code!.Text, StringComparison.Ordinal);
        Assert.Contains("area", ncs.Code.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EquivocalGm1SuggestsRepeat()
    {
        var advice = Assert.Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Borderline, Scenario.CkNormal)).Advice);

        var repeat = Assert.Single(advice.Suggestions.OfType<CreateResource>());
        Assert.Equal("51703-7", Code(repeat));
        Assert.StartsWith("Repeat", repeat.Label, StringComparison.Ordinal);
    }

    [Fact]
    public void NoCreateSuggestionWithoutPatientReference()
    {
        var order = Build.IvigOrder();
        order.Subject = null!;
        var patient = Build.Patient();
        patient.Id = null;

        var advice = Assert.Single(Scenario.Assess(Scenario.Lmn() with { OrdersInScope = [order], Patient = patient }).Advice);

        Assert.Empty(advice.Suggestions.OfType<CreateResource>());
    }

    [Fact]
    public void Gm1DrawnAfterIvigIsFlaggedInCard()
    {
        var advice = Assert.Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkHigh, Build.Administration("adm-old", 120))).Advice);

        Assert.Contains("drawn after IVIg", advice.Trace.Flags);
        Assert.Contains("drawn within 90 days after IVIg", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OrderSignWordingDiffersSlightly()
    {
        var select = Assert.Single(Scenario.Assess(Scenario.Lmn(), OrderStage.Selecting).Advice);
        var sign = Assert.Single(Scenario.Assess(Scenario.Lmn(), OrderStage.Signing).Advice);

        Assert.Equal(select.Trace, sign.Trace, new TraceComparer());
        Assert.NotEqual(select.Summary, sign.Summary);
    }

    [Fact]
    public void TableCellsEscapePipes() => Assert.Equal("a \\| b c", CardText.Cell("a | b\nc"));

    private static void AssertValidSuggestion(SuggestedChange suggestion)
    {
        Assert.False(string.IsNullOrWhiteSpace(suggestion.Label));
        switch (suggestion)
        {
            case DeleteDraftOrder delete:
                Assert.Matches("^MedicationRequest/[^/]+$", delete.ResourceId);
                break;
            case CreateResource create:
                var request = Assert.IsType<ServiceRequest>(create.Resource);
                Assert.Equal(RequestStatus.Draft, request.Status);
                Assert.Equal(RequestIntent.Order, request.Intent);
                Assert.Equal("Patient/pt-1", request.Subject!.Reference);
                Assert.Equal(FhirSystems.Loinc, request.Code!.Coding.Single().System);
                break;
            default:
                Assert.Fail($"Unexpected suggestion {suggestion.GetType().Name}");
                break;
        }
    }

    private static string Code(CreateResource create) => ((ServiceRequest)create.Resource).Code!.Coding.Single().Code!;

    private sealed class TraceComparer : IEqualityComparer<DecisionTrace>
    {
        public bool Equals(DecisionTrace? x, DecisionTrace? y) =>
            x is not null && y is not null && x.Row == y.Row && x.ConductionBlock == y.ConductionBlock && x.AntiGm1IgM == y.AntiGm1IgM
            && x.CreatineKinase == y.CreatineKinase && x.Evidence.SequenceEqual(y.Evidence);

        public int GetHashCode(DecisionTrace obj) => obj.Row;
    }
}
