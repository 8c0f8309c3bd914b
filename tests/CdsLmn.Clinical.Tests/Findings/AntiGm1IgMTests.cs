using CdsLmn.Clinical.Findings;
using CdsLmn.Clinical.Fhir;
using CdsLmn.Clinical.Tests.Builders;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Tests.Findings;

public class AntiGm1IgMTests
{
    private static Finding<AntiGm1State> Assess(IReadOnlyList<DateTimeOffset>? ivigGiven, params Resource[] resources) =>
        new AntiGm1IgM(new AntiGm1IgMOptions(), Build.PendingTests).Assess(Scenario.Lmn(resources), Build.Now, ivigGiven ?? []);

    private static AntiGm1State State(DataType? value, decimal? refHigh = null, string? interpretation = null, string? refText = null) =>
        Assess(null, Build.Gm1("gm1", value, refHigh: refHigh, interpretation: interpretation, refText: refText)).State;

    [Theory]
    [InlineData(12, AntiGm1State.Negative)]
    [InlineData(29, AntiGm1State.Negative)]
    [InlineData(30, AntiGm1State.Equivocal)]
    [InlineData(50, AntiGm1State.Equivocal)]
    [InlineData(51, AntiGm1State.PositiveLow)]
    [InlineData(100, AntiGm1State.PositiveLow)]
    [InlineData(101, AntiGm1State.High)]
    [InlineData(250, AntiGm1State.High)]
    public void JudgesIndexValuesByConfiguredBands(decimal value, AntiGm1State expected) => Assert.Equal(expected, State(Build.Index(value)));

    [Theory]
    [InlineData(40, 45, AntiGm1State.Negative)]   // within the lab's own range: negative, whatever the bands say
    [InlineData(25, 20, AntiGm1State.Equivocal)]  // above the lab's range, below our bands: borderline
    [InlineData(80, 29, AntiGm1State.PositiveLow)]
    [InlineData(120, 29, AntiGm1State.High)]
    public void UsesTheLabReferenceRange(decimal value, decimal refHigh, AntiGm1State expected) => Assert.Equal(expected, State(Build.Index(value), refHigh));

    [Fact]
    public void AcceptsArbitraryUnitsAndPercent()
    {
        Assert.Equal(AntiGm1State.High, State(new Quantity { Value = 130, Code = "%", Unit = "%" }));
        Assert.Equal(AntiGm1State.Negative, State(new Quantity { Value = 10, Code = "[arb'U]/mL", Unit = "U/mL" }));
    }

    [Theory]
    [InlineData("1:3200", AntiGm1State.PositiveLow)]
    [InlineData("1/3200", AntiGm1State.PositiveLow)]
    [InlineData("1 : 8000", AntiGm1State.High)]
    [InlineData(">1:25600", AntiGm1State.High)]
    [InlineData("<1:1000", AntiGm1State.Negative)]
    [InlineData("1:1000", AntiGm1State.Negative)]
    [InlineData("1:800", AntiGm1State.Negative)]
    [InlineData("1:6400", AntiGm1State.PositiveLow)]
    public void ReadsTitreStrings(string titre, AntiGm1State expected) => Assert.Equal(expected, State(new FhirString(titre)));

    [Fact]
    public void UsesTheLabTitreReferenceText() =>
        Assert.Equal(AntiGm1State.Negative, State(new FhirString("1:3200"), refText: "<1:4000"));

    [Theory]
    [InlineData(3200, AntiGm1State.PositiveLow)]
    [InlineData(12800, AntiGm1State.High)]
    public void ReadsTitreRatios(decimal denominator, AntiGm1State expected) =>
        Assert.Equal(expected, State(new Ratio(new Quantity(1, "1"), new Quantity(denominator, "1"))));

    [Theory]
    [InlineData("Positive", AntiGm1State.PositiveLow)]
    [InlineData("Strong positive", AntiGm1State.High)]
    [InlineData("Negative", AntiGm1State.Negative)]
    [InlineData("Equivocal", AntiGm1State.Equivocal)]
    [InlineData("Borderline", AntiGm1State.Equivocal)]
    [InlineData("see comment", AntiGm1State.Equivocal)]
    public void ReadsQualitativeStrings(string text, AntiGm1State expected) => Assert.Equal(expected, State(new FhirString(text)));

    [Theory]
    [InlineData("10828004", AntiGm1State.PositiveLow)]
    [InlineData("260385009", AntiGm1State.Negative)]
    [InlineData("42425007", AntiGm1State.Equivocal)]
    [InlineData("82334004", AntiGm1State.Equivocal)]
    public void ReadsQualitativeCodes(string snomed, AntiGm1State expected) => Assert.Equal(expected, State(Build.Snomed(snomed)));

    [Theory]
    [InlineData(40, "HH", AntiGm1State.High)]
    [InlineData(150, "N", AntiGm1State.Negative)]
    [InlineData(150, "NEG", AntiGm1State.Negative)]
    [InlineData(150, "IND", AntiGm1State.Equivocal)]
    [InlineData(20, "H", AntiGm1State.PositiveLow)]
    [InlineData(20, "POS", AntiGm1State.PositiveLow)]
    [InlineData(150, "H", AntiGm1State.High)]
    [InlineData(150, "neg", AntiGm1State.Negative)]
    [InlineData(20, "pos", AntiGm1State.PositiveLow)]
    public void LabFlagWinsOverConfiguredNumbers(decimal value, string flag, AntiGm1State expected) =>
        Assert.Equal(expected, State(Build.Index(value), interpretation: flag));

    [Fact]
    public void OnlyAFlagStillCounts() => Assert.Equal(AntiGm1State.PositiveLow, State(null, interpretation: "POS"));

    [Theory]
    [InlineData("51729-2")]
    [InlineData("10359-8")]
    public void IgnoresIgGAndAsialoGm1(string loinc) =>
        Assert.Equal(AntiGm1State.NotTested, Assess(null, Build.Gm1("igg", Build.Index(200), code: Build.Concept(FhirSystems.Loinc, loinc))).State);

    [Fact]
    public void ReadsGm1IgMComponentOfAPanelButNotIgG()
    {
        var panel = Build.Observation("panel", new CodeableConcept { Text = "Ganglioside antibody panel" }, null, 20);
        panel.Component.Add(new Observation.ComponentComponent { Code = Build.Concept(FhirSystems.Loinc, "51729-2"), Value = Build.Index(200) });
        panel.Component.Add(new Observation.ComponentComponent { Code = Build.Gm1Code, Value = Build.Index(12) });

        var finding = Assess(null, panel);

        Assert.Equal(AntiGm1State.Negative, finding.State);
        Assert.Equal(["Observation/panel"], finding.EvidenceIds);
    }

    [Fact]
    public void AcceptsConfiguredLocalCodes()
    {
        var finding = new AntiGm1IgM(new AntiGm1IgMOptions { Codes = ["urn:lab|GM1IGM"] }, Build.PendingTests)
            .Assess(Scenario.Lmn(Build.Gm1("g", Build.Index(150), code: Build.Concept("urn:lab", "GM1IGM"))), Build.Now, []);

        Assert.Equal(AntiGm1State.High, finding.State);
    }

    [Fact]
    public void PendingWhenPreliminaryOrOrdered()
    {
        Assert.Equal(AntiGm1State.Pending, Assess(null, Build.Gm1("g", null, status: "registered")).State);
        Assert.Equal(AntiGm1State.Pending, Assess(null, Build.Request("sr", FhirSystems.Loinc, "51703-7")).State);
    }

    [Theory]
    [InlineData(1095, AntiGm1State.Negative)]
    [InlineData(1096, AntiGm1State.NotTested)]
    public void ThreeYearFreshnessWindow(int daysAgo, AntiGm1State expected)
    {
        var finding = Assess(null, Build.Gm1("g", Build.Index(12), daysAgo: daysAgo));

        Assert.Equal(expected, finding.State);
        Assert.Equal(expected == AntiGm1State.NotTested, finding.StaleDate is not null);
    }

    [Theory]
    [InlineData(100, 20, true)]   // drawn 80 days after IVIg
    [InlineData(110, 20, true)]   // exactly 90 days after
    [InlineData(111, 20, false)]  // 91 days after
    [InlineData(10, 20, false)]   // IVIg given after the sample
    public void FlagsSampleDrawnWithinNinetyDaysAfterIvig(int ivigDaysAgo, int sampleDaysAgo, bool flagged)
    {
        var ivig = new DateTimeOffset(Build.Now.AddDays(-ivigDaysAgo).UtcDateTime.Date, TimeSpan.Zero);

        var finding = Assess([ivig], Build.Gm1("g", Build.Index(12), daysAgo: sampleDaysAgo));

        Assert.Equal(flagged, finding.Flags.Contains("drawn after IVIg"));
    }

    [Fact]
    public void ResultTextShowsValueFlagAndRange()
    {
        var finding = Assess(null, Build.Gm1("g", Build.Index(12), refHigh: 29, interpretation: "N"));

        Assert.Equal("12 index units — negative (lab flag N, lab range ≤ 29)", finding.Result);
    }
}
