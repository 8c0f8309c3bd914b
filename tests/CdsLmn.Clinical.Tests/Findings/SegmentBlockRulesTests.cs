using CdsLmn.Clinical.Findings;

namespace CdsLmn.Clinical.Tests.Findings;

public class SegmentBlockRulesTests
{
    private static SegmentResult Rules(SegmentMeasurements measurements, ConductionBlockOptions options) =>
        SegmentBlockRules.Evaluate(measurements, options, new SegmentSites(options));

    private static SegmentResult Evaluate(string segment, double distalArea, double proximalArea, double distalDuration = 5, double proximalDuration = 5.5,
        double distalAmp = 6, double? lln = 4) =>
        Rules(new SegmentMeasurements(segment, distalAmp, distalAmp * proximalArea / distalArea, distalArea, proximalArea, distalDuration, proximalDuration, lln),
            new ConductionBlockOptions());

    [Theory]
    //          segment          distal area  proximal area  verdict
    [InlineData("peroneal-leg",  10,          5,             SegmentVerdict.Definite)]   // 50 % drop: definite
    [InlineData("peroneal-leg",  10,          5.1,           SegmentVerdict.None)]       // 49 % on a non-long segment: none
    [InlineData("ulnar-forearm", 10,          5.1,           SegmentVerdict.Probable)]   // 49 % on a long upper-limb segment: probable
    [InlineData("ulnar-forearm", 10,          7,             SegmentVerdict.Probable)]   // 30 % on a long upper-limb segment: probable
    [InlineData("ulnar-forearm", 10,          7.1,           SegmentVerdict.None)]       // 29 %: none
    [InlineData("median-wrist",  10,          2,             SegmentVerdict.Entrapment)] // entrapment never counts
    [InlineData("ulnar-elbow",   10,          2,             SegmentVerdict.Entrapment)]
    [InlineData("ulnar-wrist",   10,          2,             SegmentVerdict.Entrapment)]
    [InlineData("peroneal-fibular-head", 10,  2,             SegmentVerdict.Entrapment)]
    public void AppliesAreaThresholds(string segment, double distalArea, double proximalArea, SegmentVerdict expected) =>
        Assert.Equal(expected, Evaluate(segment, distalArea, proximalArea).Verdict);

    [Theory]
    [InlineData(6.5, SegmentVerdict.Definite)]  // +30 % duration: still definite
    [InlineData(6.6, SegmentVerdict.Probable)]  // +32 %: temporal dispersion → probable
    public void DurationIncreaseAboveThirtyPercentMakesFiftyPercentDropProbable(double proximalDuration, SegmentVerdict expected) =>
        Assert.Equal(expected, Evaluate("median-forearm", 10, 4, distalDuration: 5, proximalDuration: proximalDuration).Verdict);

    [Fact]
    public void LongSegmentProbableNeedsDurationWithinThirtyPercent() =>
        Assert.Equal(SegmentVerdict.None, Evaluate("median-forearm", 10, 6, distalDuration: 5, proximalDuration: 7).Verdict);

    [Theory]
    [InlineData(1.0, SegmentVerdict.NotEvaluable)] // exactly 1.0 mV is not > 1 mV
    [InlineData(1.01, SegmentVerdict.Definite)]
    public void RequiresDistalAmplitudeAboveOneMillivolt(double distalAmp, SegmentVerdict expected) =>
        Assert.Equal(expected, Evaluate("peroneal-leg", 10, 4, distalAmp: distalAmp, lln: 2).Verdict);

    [Theory]
    [InlineData(1.2, SegmentVerdict.NotEvaluable)] // exactly 20 % of LLN 6 mV is not > 20 %
    [InlineData(1.25, SegmentVerdict.Definite)]
    public void RequiresDistalAmplitudeAboveTwentyPercentOfLln(double distalAmp, SegmentVerdict expected) =>
        Assert.Equal(expected, Evaluate("peroneal-leg", 10, 4, distalAmp: distalAmp, lln: 6).Verdict);

    [Fact]
    public void FallsBackToAmplitudeAndSaysSo()
    {
        var result = Rules(new SegmentMeasurements("ulnar-upper-arm", 8, 3, null, null, 5, 5.5, 4), new ConductionBlockOptions());

        Assert.Equal(SegmentVerdict.Definite, result.Verdict);
        Assert.True(result.AmplitudeBased);
        Assert.Equal(62.5, result.BlockPercent);
    }

    [Fact]
    public void UsesAreaWhenBothArePresent()
    {
        var result = Rules(new SegmentMeasurements("peroneal-leg", 8, 3, 20, 18, 5, 5.5, 4), new ConductionBlockOptions());

        Assert.Equal(SegmentVerdict.None, result.Verdict);
        Assert.False(result.AmplitudeBased);
        Assert.Equal(10, result.BlockPercent);
    }

    [Fact]
    public void MissingDurationLeavesLongSegmentDropIndeterminate()
    {
        var result = Rules(new SegmentMeasurements("ulnar-forearm", 8, 5, 20, 13, null, null, 4), new ConductionBlockOptions());

        Assert.Equal(SegmentVerdict.Indeterminate, result.Verdict);
    }

    [Fact]
    public void MissingMeasurementsAreNotEvaluable() =>
        Assert.Equal(SegmentVerdict.NotEvaluable, Rules(new SegmentMeasurements("ulnar-forearm", 8, null, null, null, 5, 5, 4), new ConductionBlockOptions()).Verdict);
}
