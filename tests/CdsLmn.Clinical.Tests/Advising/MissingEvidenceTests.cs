using CdsLmn.Clinical.Tests.Builders;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Tests.Advising;

/// <summary>When evidence kinds are unavailable, answer only if every possible value of them gives the same outcome.</summary>
public class MissingEvidenceTests
{
    private static Assessment Assess(ClinicalEvidence evidence, params EvidenceKind[] unavailable) =>
        Scenario.Assess(evidence with { Unavailable = unavailable.ToHashSet() });

    [Theory]
    [InlineData(EvidenceKind.NerveConduction)]
    [InlineData(EvidenceKind.AntiGm1IgM)]
    [InlineData(EvidenceKind.CreatineKinase)]
    [InlineData(EvidenceKind.OngoingIvig)]
    [InlineData(EvidenceKind.Patient)]
    [InlineData(EvidenceKind.PendingTests)]
    public void NeverWarnsOnUnavailableEvidenceThatCouldChangeTheRow(EvidenceKind kind)
    {
        var assessment = Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkHigh), kind);

        Assert.False(assessment.IsDecided);
        Assert.Empty(assessment.Advice);
        Assert.Contains(kind, assessment.Missing);
    }

    [Fact]
    public void ConditionsAreNotNeededWhenTheOrderHasAReason()
    {
        var assessment = Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkHigh), EvidenceKind.Conditions);

        Assert.True(assessment.IsDecided);
        Assert.Equal(3, Assert.Single(assessment.Advice).Trace.Row);
    }

    [Fact]
    public void ConditionsAreNeededWithoutAReason()
    {
        var order = Build.IvigOrder();
        order.ReasonCode.Clear();

        var assessment = Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkHigh) with { OrdersInScope = [order] }, EvidenceKind.Conditions);

        Assert.Equal([EvidenceKind.Conditions], assessment.Missing);
    }

    [Fact]
    public void NonIvigOrderDecidesWithoutAnyOtherEvidence()
    {
        var evidence = new ClinicalEvidence { OrdersInScope = [Build.IvigOrder(text: "Labetalol 300 mg")] };

        var assessment = Assess(evidence, Enum.GetValues<EvidenceKind>().Where(k => k != EvidenceKind.Medication).ToArray());

        Assert.True(assessment.IsDecided);
        Assert.Empty(assessment.Advice);
    }

    [Fact]
    public void NonLmnReasonDecidesWithoutAnyOtherEvidence()
    {
        var evidence = new ClinicalEvidence { OrdersInScope = [Build.IvigOrder(reason: Build.Icd("D80.3"))] };

        var assessment = Assess(evidence, Enum.GetValues<EvidenceKind>());

        Assert.True(assessment.IsDecided);
        Assert.Empty(assessment.Advice);
    }

    [Fact]
    public void UnresolvableMedicationIsMissingForLmnOrder()
    {
        var order = Build.Order("o-1", new ResourceReference("Medication/unknown"), reason: Build.Icd("G12.25"));

        var assessment = Assess(Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkHigh) with { OrdersInScope = [order] }, EvidenceKind.Medication);

        Assert.Equal([EvidenceKind.Medication], assessment.Missing);
    }

    [Fact]
    public void ConductionBlockPresentDecidesWithoutGm1OrCk()
    {
        var assessment = Assess(Scenario.Lmn(Scenario.Cb), EvidenceKind.AntiGm1IgM, EvidenceKind.CreatineKinase);

        Assert.True(assessment.IsDecided);
        Assert.Empty(assessment.Advice);
    }

    [Fact]
    public void RowSevenDoesNotNeedCk()
    {
        var assessment = Assess(Scenario.Lmn(Scenario.Gm1Negative), EvidenceKind.CreatineKinase);

        var advice = Assert.Single(assessment.Advice);
        Assert.Equal(7, advice.Trace.Row);
        Assert.Equal("Unavailable", advice.Trace.CreatineKinase);
        Assert.Contains("could not be retrieved", advice.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void CkWithLabRangeDoesNotNeedPatientSex()
    {
        var evidence = Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkHigh) with { Patient = null };

        var assessment = Assess(evidence, EvidenceKind.Patient);

        Assert.Equal([EvidenceKind.Patient], assessment.Missing); // still needed: the patient could be a child
    }

    [Fact]
    public void ContinuationDecidesWithoutFindings()
    {
        var evidence = Scenario.Lmn(Build.Administration("adm-1", 20));

        var assessment = Assess(evidence, EvidenceKind.NerveConduction, EvidenceKind.AntiGm1IgM, EvidenceKind.CreatineKinase, EvidenceKind.PendingTests);

        Assert.Equal(10, Assert.Single(assessment.Advice).Trace.Row);
    }
}
