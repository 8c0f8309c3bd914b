using CdsLmn.Clinical.Fhir;
using CdsLmn.Clinical.Tests.Builders;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Tests;

public class IndicationTests
{
    private static IndicationResult Assess(MedicationRequest order, IReadOnlyList<Condition>? conditions = null, IndicationOptions? options = null, bool conditionsUnavailable = false) =>
        new Indication(options ?? new IndicationOptions()).Assess(order, conditions ?? [], conditionsUnavailable);

    private static MedicationRequest OrderFor(CodeableConcept? reason)
    {
        var order = Build.IvigOrder(reason: reason);
        if (reason is null)
        {
            order.ReasonCode.Clear();
        }

        return order;
    }

    [Theory]
    [InlineData("G12.20", IndicationKind.Lmn)]
    [InlineData("G12.22", IndicationKind.Lmn)]
    [InlineData("G12.24", IndicationKind.Lmn)]
    [InlineData("G12.25", IndicationKind.Lmn)]
    [InlineData("G1225", IndicationKind.Lmn)]
    [InlineData("g12.29", IndicationKind.Lmn)]
    [InlineData("G12.21", IndicationKind.Lmn)]
    [InlineData("G12.23", IndicationKind.Neither)]
    [InlineData("G61.82", IndicationKind.OtherIndication)]
    [InlineData("G6182", IndicationKind.OtherIndication)]
    [InlineData("G61.81", IndicationKind.OtherIndication)]
    [InlineData("G61.0", IndicationKind.OtherIndication)]
    [InlineData("G70.00", IndicationKind.OtherIndication)]
    [InlineData("G70.01", IndicationKind.OtherIndication)]
    [InlineData("D80.3", IndicationKind.OtherIndication)]
    [InlineData("D83.9", IndicationKind.OtherIndication)]
    [InlineData("D81.0", IndicationKind.OtherIndication)]
    [InlineData("D81.2", IndicationKind.OtherIndication)]
    [InlineData("D81.31", IndicationKind.OtherIndication)]
    [InlineData("D81.4", IndicationKind.Neither)]
    [InlineData("D82.0", IndicationKind.OtherIndication)]
    [InlineData("D69.3", IndicationKind.OtherIndication)]
    [InlineData("I10", IndicationKind.Neither)]
    public void ClassifiesIcd10ReasonOnTheOrder(string code, IndicationKind expected) =>
        Assert.Equal(expected, Assess(OrderFor(Build.Icd(code))).Kind);

    [Theory]
    [InlineData("37340000", IndicationKind.Lmn)]
    [InlineData("86044005", IndicationKind.Lmn)]
    [InlineData("40956001", IndicationKind.OtherIndication)]
    [InlineData("91637004", IndicationKind.OtherIndication)]
    [InlineData("230578006", IndicationKind.Neither)]
    public void ClassifiesSnomedReason(string code, IndicationKind expected) =>
        Assert.Equal(expected, Assess(OrderFor(Build.Snomed(code))).Kind);

    [Fact]
    public void AlsCanBeExcludedByConfiguration()
    {
        var options = new IndicationOptions { EvaluateAls = false };

        Assert.Equal(IndicationKind.Neither, Assess(OrderFor(Build.Icd("G12.21")), options: options).Kind);
        Assert.Equal(IndicationKind.Neither, Assess(OrderFor(Build.Snomed("86044005")), options: options).Kind);
    }

    [Fact]
    public void ConfiguredListsReplaceTheDefaults()
    {
        var options = new IndicationOptions { LmnIcd10Codes = ["G12.9"], LmnLocalCodes = ["urn:local|PMA"], MmnCidpSnomedCodes = ["999"] };

        Assert.Equal(IndicationKind.Lmn, Assess(OrderFor(Build.Icd("G12.9")), options: options).Kind);
        Assert.Equal(IndicationKind.Neither, Assess(OrderFor(Build.Icd("G12.25")), options: options).Kind);
        Assert.Equal(IndicationKind.Lmn, Assess(OrderFor(Build.Concept("urn:local", "PMA")), options: options).Kind);
        Assert.Equal(IndicationKind.OtherIndication, Assess(OrderFor(Build.Snomed("999")), options: options).Kind);
    }

    [Fact]
    public void OrderReasonDecidesOverConditions()
    {
        var result = Assess(OrderFor(Build.Icd("D80.1")), [Build.Condition(Build.Icd("G12.25"))]);

        Assert.Equal(IndicationKind.OtherIndication, result.Kind);
        Assert.True(result.FromOrder);
    }

    [Fact]
    public void ReadsReasonReferenceCondition()
    {
        var order = OrderFor(null);
        order.ReasonReference.Add(new ResourceReference("Condition/c-9"));

        var result = Assess(order, [Build.Condition(Build.Icd("G12.25", "Progressive spinal muscle atrophy"), id: "c-9"), Build.Condition(Build.Icd("I10"), id: "c-1")]);

        Assert.Equal(IndicationKind.Lmn, result.Kind);
        Assert.Contains("Condition/c-9", result.EvidenceIds);
        Assert.Equal("G12.25", result.Code);
    }

    [Fact]
    public void FallsBackToActiveConditions()
    {
        var result = Assess(OrderFor(null), [Build.Condition(Build.Icd("G12.25"))]);

        Assert.Equal(IndicationKind.Lmn, result.Kind);
        Assert.False(result.FromOrder);
    }

    [Theory]
    [InlineData("active", "confirmed", true)]
    [InlineData("recurrence", "confirmed", true)]
    [InlineData("relapse", null, true)]
    [InlineData(null, null, true)]
    [InlineData("resolved", "confirmed", false)]
    [InlineData("inactive", "confirmed", false)]
    [InlineData("remission", "confirmed", false)]
    [InlineData("active", "refuted", false)]
    [InlineData("active", "entered-in-error", false)]
    [InlineData("active", "provisional", true)]
    public void CountsOnlyActiveUnrefutedConditions(string? clinical, string? verification, bool counts)
    {
        var result = Assess(OrderFor(null), [Build.Condition(Build.Icd("G12.25"), clinicalStatus: clinical, verification: verification)]);

        Assert.Equal(counts ? IndicationKind.Lmn : IndicationKind.Neither, result.Kind);
    }

    [Fact]
    public void OtherIndicationWinsOverLmnAmongConditions()
    {
        var result = Assess(OrderFor(null), [Build.Condition(Build.Icd("G12.25"), id: "a"), Build.Condition(Build.Icd("D80.1"), id: "b")]);

        Assert.Equal(IndicationKind.OtherIndication, result.Kind);
        Assert.True(result.LmnAlsoCoded);
    }

    [Fact]
    public void IsUnknownWithoutReasonWhenConditionsUnavailable() =>
        Assert.Equal(IndicationKind.Unknown, Assess(OrderFor(null), conditionsUnavailable: true).Kind);

    [Fact]
    public void ReasonDecidesEvenWhenConditionsUnavailable() =>
        Assert.Equal(IndicationKind.Lmn, Assess(OrderFor(Build.Icd("G12.25")), conditionsUnavailable: true).Kind);

    [Fact]
    public void DetectsCodedMmnOrCidp()
    {
        var indication = new Indication(new IndicationOptions());

        Assert.True(indication.MmnOrCidpCoded(OrderFor(Build.Icd("G12.25")), [Build.Condition(Build.Icd("G61.82"))]));
        Assert.False(indication.MmnOrCidpCoded(OrderFor(Build.Icd("G12.25")), [Build.Condition(Build.Icd("G61.82"), clinicalStatus: "resolved")]));
    }

    [Theory]
    [InlineData("2010-01-01", true)]
    [InlineData("2008-11-27", true)]
    [InlineData("2008-11-26", false)]
    [InlineData(null, false)]
    public void ExcludesChildrenBelowTheMinimumAge(string? birthDate, bool excluded)
    {
        // Now is 2026-11-26: born 2008-11-26 is 18 today (adult), born 2008-11-27 is still 17.
        var evidence = Scenario.Lmn(Scenario.NoCb, Scenario.Gm1Negative, Scenario.CkHigh) with { Patient = Build.Patient(birthDate: birthDate) };

        var assessment = Scenario.Assess(evidence);

        Assert.Equal(excluded, assessment.Advice.Count == 0);
    }
}
