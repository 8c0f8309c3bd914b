using Microsoft.Extensions.Configuration;

namespace CdsLmn.Clinical.Tests.Options;

public class ClinicalOptionsTests
{
    [Fact]
    public void DefaultsAreValid() => Assert.Empty(new ClinicalOptions().Validate());

    [Theory]
    [MemberData(nameof(BadValues))]
    public void ValidationMessageNamesTheFullKey(Action<ClinicalOptions> spoil, string expected)
    {
        var options = new ClinicalOptions();
        spoil(options);

        Assert.Contains(expected, options.Validate());
    }

    public static TheoryData<Action<ClinicalOptions>, string> BadValues => new()
    {
        { o => o.CreatineKinase.MaleUpperLimit = 0, "CdsLmn:Clinical:CreatineKinase:MaleUpperLimit must be greater than 0" },
        { o => o.CreatineKinase.FemaleUpperLimit = -1, "CdsLmn:Clinical:CreatineKinase:FemaleUpperLimit must be greater than 0" },
        { o => o.CreatineKinase.FreshnessDays = 0, "CdsLmn:Clinical:CreatineKinase:FreshnessDays must be greater than 0" },
        { o => o.ConductionBlock.FreshnessDays = -5, "CdsLmn:Clinical:ConductionBlock:FreshnessDays must be greater than 0" },
        { o => o.ConductionBlock.DefiniteAreaDropPercent = 150, "CdsLmn:Clinical:ConductionBlock:DefiniteAreaDropPercent must be between 1 and 100" },
        { o => o.ConductionBlock.DistalAmplitudeFloorMv = 0, "CdsLmn:Clinical:ConductionBlock:DistalAmplitudeFloorMv must be greater than 0" },
        { o => o.AntiGm1IgM.HighTitreReciprocal = 500, "CdsLmn:Clinical:AntiGm1IgM:DefaultTitreUpperReferenceReciprocal must be less than CdsLmn:Clinical:AntiGm1IgM:HighTitreReciprocal" },
        { o => o.AntiGm1IgM.PositiveFrom = 200, "CdsLmn:Clinical:AntiGm1IgM:HighFrom must be at least CdsLmn:Clinical:AntiGm1IgM:PositiveFrom, which must be at least CdsLmn:Clinical:AntiGm1IgM:EquivocalFrom" },
        { o => o.AntiGm1IgM.Codes = [], "CdsLmn:Clinical:AntiGm1IgM:Codes must not be empty" },
        { o => o.AntiGm1IgM.Codes = ["51703-7"], "CdsLmn:Clinical:AntiGm1IgM:Codes:0 must be 'system|code'" },
        { o => o.OngoingIvig.WindowDays = 0, "CdsLmn:Clinical:OngoingIvig:WindowDays must be greater than 0" },
        { o => o.MinimumAgeYears = -1, "CdsLmn:Clinical:MinimumAgeYears must be between 0 and 130" },
        { o => o.IvigOrders.HcpcsSystem = "not a uri", "CdsLmn:Clinical:IvigOrders:HcpcsSystem must be an absolute URI" },
        { o => o.IvigOrders.NdcProductCodes = ["44206-439", "bad"], "CdsLmn:Clinical:IvigOrders:NdcProductCodes:1 must be an NDC product code like 44206-439 or 0069-6550" },
        { o => o.IvigOrders.GenericNames = [" "], "CdsLmn:Clinical:IvigOrders:GenericNames:0 must not be blank" },
        { o => o.Indications.LmnLocalCodes = ["nobar"], "CdsLmn:Clinical:Indications:LmnLocalCodes:0 must be 'system|code'" },
        { o => o.DecisionTable.Row3 = (CardLevel)7, "CdsLmn:Clinical:DecisionTable:Row3 must be None, Info or Warning" },
    };

    [Fact]
    public void EveryBadValueGivesItsOwnMessage()
    {
        var options = new ClinicalOptions { MinimumAgeYears = -1, CreatineKinase = { MaleUpperLimit = 0, FemaleUpperLimit = 0 } };

        Assert.Equal(3, options.Validate().Count);
    }

    [Fact]
    public void BindsFromConfigurationAndConfiguredListsReplaceDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CdsLmn:Clinical:MinimumAgeYears"] = "16",
            ["CdsLmn:Clinical:CreatineKinase:MaleUpperLimit"] = "336",
            ["CdsLmn:Clinical:ConductionBlock:FreshnessDays"] = "730",
            ["CdsLmn:Clinical:Indications:LmnIcd10Codes:0"] = "G12.9",
            ["CdsLmn:Clinical:Indications:EvaluateAls"] = "false",
            ["CdsLmn:Clinical:IvigOrders:HcpcsCodes:0"] = "J1576",
            ["CdsLmn:Clinical:DecisionTable:Row1"] = "Info",
        }).Build();

        var options = configuration.GetSection(ClinicalOptions.SectionName).Get<ClinicalOptions>()!;

        Assert.Empty(options.Validate());
        Assert.Equal(16, options.MinimumAgeYears);
        Assert.Equal(336, options.CreatineKinase.MaleUpperLimit);
        Assert.Equal(192, options.CreatineKinase.FemaleUpperLimit);
        Assert.Equal(730, options.ConductionBlock.FreshnessDays);
        Assert.Equal(["G12.9"], options.Indications.EffectiveLmnIcd10Codes);
        Assert.False(options.Indications.EvaluateAls);
        Assert.Equal(["J1576"], options.IvigOrders.EffectiveHcpcsCodes);
        Assert.Equal(ClinicalDefaults.NdcProductCodes, options.IvigOrders.EffectiveNdcProductCodes);
        Assert.Equal(CardLevel.Info, options.DecisionTable.Row1);
    }

    [Fact]
    public void UnverifiedCodesShipAsEmptySlots()
    {
        var options = new ClinicalOptions();

        Assert.Empty(options.Indications.EffectiveMmnCidpSnomedCodes);
        Assert.Empty(options.Indications.EffectiveLmnLocalCodes);
        Assert.DoesNotContain("M30.3", options.Indications.EffectiveOtherIndicationIcd10Codes);
        Assert.DoesNotContain("J1554", options.IvigOrders.EffectiveHcpcsCodes);
    }

    [Fact]
    public void RowOneInfoCardCanBeSwitchedOn()
    {
        var options = new ClinicalOptions { DecisionTable = { Row1 = CardLevel.Info } };

        var advice = Assert.Single(Builders.Scenario.Assess(Builders.Scenario.Lmn(Builders.Scenario.Cb), options: options).Advice);

        Assert.Equal(1, advice.Trace.Row);
        Assert.Equal(AdviceIndicator.Info, advice.Indicator);
        Assert.Contains("G61.82", advice.Summary, StringComparison.Ordinal);
    }
}
