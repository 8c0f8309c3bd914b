using CdsLmn.Clinical.Findings;
using CdsLmn.Clinical.Tests.Builders;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Tests.Findings;

public class CreatineKinaseTests
{
    private static Finding<CreatineKinaseState> Assess(AdministrativeGender? gender, params Resource[] resources) =>
        new CreatineKinase(new CreatineKinaseOptions()).Assess(Scenario.Lmn(resources), Build.Now, gender);

    [Theory]
    [InlineData(309, 308, CreatineKinaseState.Elevated)]
    [InlineData(308, 308, CreatineKinaseState.Normal)]
    [InlineData(250, 200, CreatineKinaseState.Elevated)]
    public void UsesTheResultsOwnRange(decimal value, decimal high, CreatineKinaseState expected) =>
        Assert.Equal(expected, Assess(AdministrativeGender.Male, Build.Ck("ck", value, refHigh: high)).State);

    [Theory]
    [InlineData(100, "H", CreatineKinaseState.Elevated)]
    [InlineData(100, "HH", CreatineKinaseState.Elevated)]
    [InlineData(1000, "N", CreatineKinaseState.Normal)]
    [InlineData(100, "h", CreatineKinaseState.Elevated)]
    [InlineData(1000, "n", CreatineKinaseState.Normal)]
    public void LabFlagDecides(decimal value, string flag, CreatineKinaseState expected) =>
        Assert.Equal(expected, Assess(AdministrativeGender.Male, Build.Ck("ck", value, interpretation: flag)).State);

    [Theory]
    [InlineData(AdministrativeGender.Male, 300, CreatineKinaseState.Normal)]
    [InlineData(AdministrativeGender.Male, 309, CreatineKinaseState.Elevated)]
    [InlineData(AdministrativeGender.Female, 193, CreatineKinaseState.Elevated)]
    [InlineData(AdministrativeGender.Female, 192, CreatineKinaseState.Normal)]
    [InlineData(null, 250, CreatineKinaseState.Normal)]       // unknown sex: the higher (male) limit, never overstating
    [InlineData(AdministrativeGender.Other, 309, CreatineKinaseState.Elevated)]
    public void FallsBackToSexSpecificUpperLimits(AdministrativeGender? gender, decimal value, CreatineKinaseState expected) =>
        Assert.Equal(expected, Assess(gender, Build.Ck("ck", value)).State);

    [Fact]
    public void ConvertsMicrokatal() => Assert.Equal(CreatineKinaseState.Elevated, Assess(AdministrativeGender.Male, Build.Ck("ck", 6, unit: "ukat/L")).State);

    [Fact]
    public void UnknownUnitWithoutRangeIsUnknown() => Assert.Equal(CreatineKinaseState.Unknown, Assess(AdministrativeGender.Male, Build.Ck("ck", 6, unit: "mg/dL")).State);

    [Theory]
    [InlineData(180, CreatineKinaseState.Elevated)]
    [InlineData(181, CreatineKinaseState.Unknown)]
    public void SixMonthFreshnessWindow(int daysAgo, CreatineKinaseState expected) =>
        Assert.Equal(expected, Assess(AdministrativeGender.Male, Build.Ck("ck", 450, daysAgo: daysAgo, refHigh: 308)).State);

    [Fact]
    public void NoneOnRecordIsUnknown() => Assert.Equal(CreatineKinaseState.Unknown, Assess(AdministrativeGender.Male).State);

    [Fact]
    public void ResultTextShowsValueAndLabRange() =>
        Assert.Equal("450 U/L — high (lab range 39–308)", Assess(AdministrativeGender.Male, Build.Ck("ck", 450, refLow: 39, refHigh: 308)).Result);
}
