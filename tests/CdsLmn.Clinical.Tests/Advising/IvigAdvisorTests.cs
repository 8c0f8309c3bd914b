using CdsLmn.Clinical.Advising;
using CdsLmn.Clinical.Fhir;
using CdsLmn.Clinical.Tests.Builders;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Tests.Advising;

public class IvigAdvisorTests
{
    private static Advice Single(Assessment assessment)
    {
        Assert.True(assessment.IsDecided, "missing: " + string.Join(", ", assessment.Missing));
        return Assert.Single(assessment.Advice);
    }

    [Fact]
    public void WarnsWhenNoConductionBlockAndGm1NegativeAndCkHigh()
    {
        var advice = Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkHigh)));

        Assert.Equal(AdviceIndicator.Warning, advice.Indicator);
        Assert.Equal(3, advice.Trace.Row);
        Assert.Equal("MedicationRequest/ivig-1", advice.OrderReference);
        Assert.Equal(["Observation/ncs-1", "Observation/gm1-1", "Observation/ck-1"], advice.Trace.Evidence);
        Assert.Equal(("Absent", "Negative", "Elevated"), (advice.Trace.ConductionBlock, advice.Trace.AntiGm1IgM, advice.Trace.CreatineKinase));
    }

    [Fact]
    public void WarnsWhenNoConductionBlockAndGm1NegativeWithNormalCk() =>
        Assert.Equal(4, Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkNormal))).Trace.Row);

    [Fact]
    public void WarnsToRepeatBorderlineGm1() =>
        Assert.Equal(5, Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Borderline, Scenario.CkNormal))).Trace.Row);

    [Fact]
    public void WarnsWhenGm1NotTested() =>
        Assert.Equal(6, Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Scenario.CkNormal))).Trace.Row);

    [Fact]
    public void InformsWhenGm1Pending()
    {
        var advice = Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Build.Request("sr-gm1", FhirSystems.Loinc, "51703-7"))));

        Assert.Equal(6, advice.Trace.Row);
        Assert.Equal(AdviceIndicator.Info, advice.Indicator);
        Assert.DoesNotContain(advice.Suggestions, s => s is DeleteDraftOrder);
    }

    [Fact]
    public void WarnsWhenNoNerveConductionStudy()
    {
        var advice = Single(Scenario.Assess(Scenario.Lmn()));

        Assert.Equal(7, advice.Trace.Row);
        Assert.Equal(AdviceIndicator.Warning, advice.Indicator);
    }

    [Fact]
    public void InformsWhenHighGm1ButNoStudy() =>
        Assert.Equal(8, Single(Scenario.Assess(Scenario.Lmn(Scenario.Gm1High))).Trace.Row);

    [Fact]
    public void InformsWhenHighGm1WithoutBlock() =>
        Assert.Equal(2, Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1High))).Trace.Row);

    [Fact]
    public void InformsWhenBlockEquivocal() =>
        Assert.Equal(9, Single(Scenario.Assess(Scenario.Lmn(Scenario.EquivocalCb, Scenario.Gm1Negative))).Trace.Row);

    [Fact]
    public void SilentWhenConductionBlockPresent()
    {
        var assessment = Scenario.Assess(Scenario.Lmn(Scenario.Cb, Scenario.Gm1Negative, Scenario.CkHigh));

        Assert.True(assessment.IsDecided);
        Assert.Empty(assessment.Advice);
    }

    [Fact]
    public void InformsOnContinuationWithinNinetyDays()
    {
        var advice = Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Build.Administration("adm-1", 28))));

        Assert.Equal(10, advice.Trace.Row);
        Assert.True(advice.Trace.OngoingIvig);
        Assert.Contains("MedicationAdministration/adm-1", advice.Trace.Evidence);
    }

    [Theory]
    [InlineData(90, 10)]
    [InlineData(91, 4)]
    public void ContinuationWindowIsNinetyDays(int daysAgo, int row) =>
        Assert.Equal(row, Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkNormal, Build.Administration("adm-1", daysAgo)))).Trace.Row);

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("not-done")]
    public void IgnoresAdministrationsThatDidNotHappen(string status) =>
        Assert.Equal(4, Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkNormal, Build.Administration("adm-1", 10, status: status)))).Trace.Row);

    [Fact]
    public void IgnoresSubcutaneousAdministrations() =>
        Assert.Equal(4, Single(Scenario.Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkNormal, Build.Administration("adm-1", 10, text: "Hizentra")))).Trace.Row);

    [Theory]
    [InlineData("active", 10)]
    [InlineData("completed", 10)]
    [InlineData("stopped", 4)]
    [InlineData("draft", 4)]
    public void CountsActiveOrCompletedIvigRequests(string status, int row)
    {
        var previous = Build.Order("prev-1", new CodeableConcept { Text = "Octagam 10%" }, status: status);
        previous.AuthoredOn = Build.Day(30);
        var evidence = Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkNormal) with { MedicationHistory = [previous] };

        Assert.Equal(row, Single(Scenario.Assess(evidence)).Trace.Row);
    }

    [Fact]
    public void SilentOnContinuationWhenMmnCoded()
    {
        var evidence = Scenario.Lmn(Scenario.NoCb, Build.Administration("adm-1", 28)) with { Conditions = [Build.Condition(Build.Icd("G61.82"))] };

        Assert.Empty(Scenario.Assess(evidence).Advice);
    }

    [Fact]
    public void SilentForNonIvigOrder()
    {
        var evidence = Scenario.Lmn() with { OrdersInScope = [Build.IvigOrder(text: "Labetalol 300 mg tablet")] };

        Assert.Empty(Scenario.Assess(evidence).Advice);
    }

    [Fact]
    public void SilentForOtherIndicationEvenWithLmnCondition()
    {
        var evidence = Scenario.Lmn() with
        {
            OrdersInScope = [Build.IvigOrder(reason: Build.Icd("D80.3"))],
            Conditions = [Build.Condition(Build.Icd("G12.25"))],
        };

        Assert.Empty(Scenario.Assess(evidence).Advice);
    }

    [Fact]
    public void GivesOneAdvicePerIvigOrder()
    {
        var evidence = Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkHigh) with
        {
            OrdersInScope = [Build.IvigOrder("a"), Build.IvigOrder("b", text: "Labetalol"), Build.IvigOrder("c", text: "Gammagard Liquid")],
        };

        var assessment = Scenario.Assess(evidence);

        Assert.Equal(["MedicationRequest/a", "MedicationRequest/c"], assessment.Advice.Select(a => a.OrderReference));
    }

    [Fact]
    public void RejectsInvalidOptions() =>
        Assert.Throws<ArgumentException>(() => new IvigAdvisor(new ClinicalOptions { CreatineKinase = { MaleUpperLimit = 0 } }));
}
