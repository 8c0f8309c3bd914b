using CdsLmn.Clinical.Findings;
using CdsLmn.Clinical.Fhir;
using CdsLmn.Clinical.Tests.Builders;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Tests.Findings;

public class ConductionBlockTests
{
    private static Finding<ConductionBlockState> Assess(params Resource[] resources) =>
        new ConductionBlock(new ConductionBlockOptions(), Build.PendingTests).Assess(Scenario.Lmn(resources), Build.Now);

    [Theory]
    [MemberData(nameof(ExplicitFindings))]
    public void ReadsExplicitFinding(DataType? value, string? interpretation, ConductionBlockState expected) =>
        Assert.Equal(expected, Assess(Build.CbFinding("cb", value, interpretation: interpretation)).State);

    public static TheoryData<DataType?, string?, ConductionBlockState> ExplicitFindings => new()
    {
        { Build.Positive, null, ConductionBlockState.Present },
        { Build.Negative, null, ConductionBlockState.Absent },
        { Build.Equivocal, null, ConductionBlockState.Equivocal },
        { Build.Indeterminate, null, ConductionBlockState.Equivocal },
        { new FhirBoolean(true), null, ConductionBlockState.Present },
        { new FhirBoolean(false), null, ConductionBlockState.Absent },
        { null, "POS", ConductionBlockState.Present },
        { null, "NEG", ConductionBlockState.Absent },
        { null, "IND", ConductionBlockState.Equivocal },
        { null, null, ConductionBlockState.Equivocal },
    };

    [Fact]
    public void NegativeScreeningStudyIsEquivocal()
    {
        var finding = Assess(Build.CbFinding("cb", Build.Negative, protocol: "screening"));

        Assert.Equal(ConductionBlockState.Equivocal, finding.State);
        Assert.Contains("screening protocol", finding.Flags);
    }

    [Fact]
    public void NegativeExtendedStudyIsAbsentAndNamedInResult()
    {
        var finding = Assess(Build.CbFinding("cb", Build.Negative, protocol: "extended"));

        Assert.Equal(ConductionBlockState.Absent, finding.State);
        Assert.Equal("Nerve conduction, extended protocol", finding.Test);
        Assert.Equal(["Observation/cb"], finding.EvidenceIds);
    }

    [Fact]
    public void ShowsGradeOfPositiveFinding() =>
        Assert.Contains("probable", Assess(Build.CbFinding("cb", Build.Positive, grade: "probable")).Result, StringComparison.Ordinal);

    [Fact]
    public void ComputesPresentFromSegments()
    {
        var finding = Assess(
            Build.Segment("s1", "ulnar-forearm", 8, 7.5, 20, 19),
            Build.Segment("s2", "median-upper-arm", 7, 2, 18, 6));

        Assert.Equal(ConductionBlockState.Present, finding.State);
        Assert.Contains("median upper arm", finding.Result, StringComparison.Ordinal);
        Assert.Contains("66.7 %", finding.Result, StringComparison.Ordinal);
        Assert.Equal(["Observation/s1", "Observation/s2"], finding.EvidenceIds);
    }

    [Fact]
    public void ComputesAbsentFromCleanSegments()
    {
        var finding = Assess(Build.Segment("s1", "ulnar-forearm", 8, 7.5, 20, 19), Build.Segment("s2", "median-forearm", 7, 6.5, 18, 17));

        Assert.Equal(ConductionBlockState.Absent, finding.State);
    }

    [Fact]
    public void EntrapmentSiteBlockDoesNotCount()
    {
        var finding = Assess(Build.Segment("s1", "ulnar-elbow", 8, 2, 20, 5), Build.Segment("s2", "median-forearm", 7, 6.5, 18, 17));

        Assert.Equal(ConductionBlockState.Absent, finding.State);
        Assert.Contains("entrapment-site drop not counted", finding.Flags);
    }

    [Fact]
    public void AmplitudeOnlySegmentsAreLabelled()
    {
        var finding = Assess(Build.Segment("s1", "ulnar-forearm", 8, 3));

        Assert.Equal(ConductionBlockState.Present, finding.State);
        Assert.Contains("amplitude-based", finding.Flags);
        Assert.Contains("amplitude-based", finding.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void SegmentBelowAmplitudeFloorMakesStudyEquivocal() =>
        Assert.Equal(ConductionBlockState.Equivocal, Assess(Build.Segment("s1", "ulnar-forearm", 1.0, 0.3, 3, 1)).State);

    [Fact]
    public void ReportWithoutCodedResultIsReadFromItsTextAndQuotesIt()
    {
        var finding = Assess(Build.NcsReport("r1", 30, "No conduction block seen."));

        Assert.Equal(ConductionBlockState.Absent, finding.State);
        Assert.Equal("Nerve conduction report (free text)", finding.Test);
        Assert.Contains("No conduction block seen", finding.Result, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportTextSwitchedOffLeavesTheStudyEquivocal()
    {
        var options = new ConductionBlockOptions { ReportText = new ReportTextOptions { Enabled = false } };
        var finding = new ConductionBlock(options, Build.PendingTests).Assess(Scenario.Lmn(Build.NcsReport("r1", 30, "No conduction block seen.")), Build.Now);

        Assert.Equal(ConductionBlockState.Equivocal, finding.State);
        Assert.Equal(FindingDoubt.Unreadable, finding.Doubt);
    }

    [Fact]
    public void ObservationWithStudyCodeIsEquivocal() =>
        Assert.Equal(ConductionBlockState.Equivocal,
            Assess(Build.Observation("emg", Build.Concept(FhirSystems.Loinc, "27897-8"), new FhirString("normal study"), 10)).State);

    [Fact]
    public void CodedConclusionMeansPresent()
    {
        var report = Build.NcsReport("r1", 30);
        report.ConclusionCode.Add(Build.Local("motor-conduction-block"));

        Assert.Equal(ConductionBlockState.Present, Assess(report).State);
    }

    [Fact]
    public void ExplicitFindingWinsOverReportOfTheSameDay() =>
        Assert.Equal(ConductionBlockState.Absent, Assess(Build.NcsReport("r1", 30), Build.CbFinding("cb", Build.Negative, daysAgo: 30, protocol: "extended")).State);

    [Fact]
    public void NewestResultWinsWhenNoneShowsBlock()
    {
        var finding = Assess(Build.CbFinding("old", Build.Equivocal, daysAgo: 200), Build.CbFinding("new", Build.Negative, daysAgo: 20, protocol: "extended"));

        Assert.Equal(ConductionBlockState.Absent, finding.State);
        Assert.Equal(["Observation/new"], finding.EvidenceIds);
        Assert.Contains(finding.Notes, n => n.Contains("Another result disagrees", StringComparison.Ordinal) && n.Contains(Build.Day(200), StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("entered-in-error")]
    [InlineData("cancelled")]
    public void IgnoresInvalidResults(string status) =>
        Assert.Equal(ConductionBlockState.NotTested, Assess(Build.CbFinding("cb", Build.Positive, status: status)).State);

    [Theory]
    [InlineData("registered")]
    [InlineData("preliminary")]
    public void PreliminaryReportIsPending(string status) =>
        Assert.Equal(ConductionBlockState.Pending, Assess(Build.NcsReport("r1", 3, status: status)).State);

    [Theory]
    [InlineData("active", ConductionBlockState.Pending)]
    [InlineData("on-hold", ConductionBlockState.Pending)]
    [InlineData("draft", ConductionBlockState.NotTested)]
    [InlineData("completed", ConductionBlockState.NotTested)]
    [InlineData("revoked", ConductionBlockState.NotTested)]
    public void ActiveServiceRequestIsPending(string status, ConductionBlockState expected) =>
        Assert.Equal(expected, Assess(Build.Request("sr-1", FhirSystems.Loinc, "18749-2", status)).State);

    [Fact]
    public void OrderNewerThanTheResultIsPending() =>
        Assert.Equal(ConductionBlockState.Pending, Assess(Build.CbFinding("cb", Build.Negative, daysAgo: 40), Build.Request("sr-1", FhirSystems.Loinc, "18749-2", daysAgo: 5)).State);

    [Fact]
    public void ResultNewerThanTheOrderWins() =>
        Assert.Equal(ConductionBlockState.Absent, Assess(Build.CbFinding("cb", Build.Negative, daysAgo: 4, protocol: "extended"), Build.Request("sr-1", FhirSystems.Loinc, "18749-2", daysAgo: 5)).State);

    [Theory]
    [InlineData(365, ConductionBlockState.Absent)]
    [InlineData(366, ConductionBlockState.NotTested)]
    public void OlderThanTheFreshnessWindowIsNotTested(int daysAgo, ConductionBlockState expected)
    {
        var finding = Assess(Build.CbFinding("cb", Build.Negative, daysAgo: daysAgo, protocol: "extended"));

        Assert.Equal(expected, finding.State);
        Assert.Equal(expected == ConductionBlockState.NotTested ? Build.Now.AddDays(-daysAgo).UtcDateTime.Date : null, finding.StaleDate?.UtcDateTime.Date);
    }

    [Fact]
    public void WindowCountsWholeDaysWithTimestamps()
    {
        var edgeDay = new DateTimeOffset(Build.Now.AddDays(-365).UtcDateTime.Date, TimeSpan.Zero);
        var options = new ConductionBlockOptions();
        var atEdge = Build.CbFinding("cb", Build.Negative, protocol: "extended");
        atEdge.Effective = new FhirDateTime(Build.At(edgeDay.AddMinutes(1)));
        var justOver = Build.CbFinding("cb", Build.Negative, protocol: "extended");
        justOver.Effective = new FhirDateTime(Build.At(edgeDay.AddSeconds(-1)));
        var assessor = new ConductionBlock(options, Build.PendingTests);

        Assert.Equal(ConductionBlockState.Absent, assessor.Assess(Scenario.Lmn(atEdge), Build.Now).State);
        Assert.Equal(ConductionBlockState.NotTested, assessor.Assess(Scenario.Lmn(justOver), Build.Now).State);
    }

    [Fact]
    public void NothingOnRecordIsNotTested() => Assert.Equal(ConductionBlockState.NotTested, Assess().State);
}
