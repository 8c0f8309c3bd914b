namespace CdsLmn.Clinical.Tests;

public class DecisionTableTests
{
    /// <summary>docs/clinical-evidence.md §5.3, one line per row (and per state the row covers); default indicator policy.</summary>
    [Theory]
    //          CB           GM1-IgM        CK          ongoing IVIg  row  card
    [InlineData("Present",   "High",        "Elevated", "no",         1,   "none")]
    [InlineData("Present",   "Negative",    "Normal",   "no",         1,   "none")]
    [InlineData("Absent",    "High",        "Elevated", "no",         2,   "info")]
    [InlineData("Absent",    "Negative",    "Elevated", "no",         3,   "warning")]
    [InlineData("Absent",    "PositiveLow", "Elevated", "no",         3,   "warning")]
    [InlineData("Absent",    "Negative",    "Normal",   "no",         4,   "warning")]
    [InlineData("Absent",    "PositiveLow", "Unknown",  "no",         4,   "warning")]
    [InlineData("Absent",    "Equivocal",   "Elevated", "no",         5,   "warning")]
    [InlineData("Absent",    "NotTested",   "Normal",   "no",         6,   "warning")]
    [InlineData("Absent",    "Pending",     "Normal",   "no",         6,   "info")]
    [InlineData("NotTested", "Negative",    "Unknown",  "no",         7,   "warning")]
    [InlineData("NotTested", "NotTested",   "Unknown",  "no",         7,   "warning")]
    [InlineData("NotTested", "Pending",     "Elevated", "no",         7,   "warning")]
    [InlineData("NotTested", "High",        "Normal",   "no",         8,   "info")]
    [InlineData("Pending",   "Negative",    "Normal",   "no",         9,   "info")]
    [InlineData("Equivocal", "NotTested",   "Unknown",  "no",         9,   "info")]
    [InlineData("Absent",    "Negative",    "Elevated", "yes",        10,  "info")]
    [InlineData("Present",   "High",        "Normal",   "yes",        10,  "info")]
    public void FollowsTheDecisionTable(string cb, string gm1, string ck, string ongoing, int row, string card)
    {
        var inputs = Lmn(Enum.Parse<ConductionBlockState>(cb), Enum.Parse<AntiGm1State>(gm1), Enum.Parse<CreatineKinaseState>(ck), ongoing == "yes");

        var outcome = DecisionTable.Decide(inputs, new ClinicalOptions());

        Assert.Equal(row, outcome.Row);
        Assert.Equal(Enum.Parse<CardLevel>(card, ignoreCase: true), outcome.Level);
    }

    [Fact]
    public void EveryCombinationOfStatesHasARow()
    {
        foreach (var cb in Enum.GetValues<ConductionBlockState>())
        foreach (var gm1 in Enum.GetValues<AntiGm1State>())
        foreach (var ck in Enum.GetValues<CreatineKinaseState>())
        {
            Assert.InRange(DecisionTable.Row(cb, gm1, ck), 1, 9);
        }
    }

    [Fact]
    public void NeverUsesCriticalAndWarnsOnlyOnRowsThreeToSeven()
    {
        var options = new ClinicalOptions();
        foreach (var cb in Enum.GetValues<ConductionBlockState>())
        foreach (var gm1 in Enum.GetValues<AntiGm1State>())
        foreach (var ck in Enum.GetValues<CreatineKinaseState>())
        {
            var outcome = DecisionTable.Decide(Lmn(cb, gm1, ck, false), options);
            if (outcome.Level == CardLevel.Warning)
            {
                Assert.InRange(outcome.Row!.Value, 3, 7);
            }
        }

        Assert.DoesNotContain("Critical", Enum.GetNames<CardLevel>());
        Assert.DoesNotContain("Critical", Enum.GetNames<AdviceIndicator>());
    }

    [Fact]
    public void GivesNoCardForContinuationWhenMmnOrCidpIsCoded()
    {
        var outcome = DecisionTable.Decide(Lmn(ConductionBlockState.Absent, AntiGm1State.Negative, CreatineKinaseState.Normal, true) with { MmnOrCidpCoded = true }, new ClinicalOptions());

        Assert.Equal(10, outcome.Row);
        Assert.False(outcome.ShowsCard);
    }

    [Fact]
    public void RowLevelsAreConfigurable()
    {
        var options = new ClinicalOptions { DecisionTable = { Row1 = CardLevel.Info, Row4 = CardLevel.Info } };

        Assert.Equal(CardLevel.Info, DecisionTable.Decide(Lmn(ConductionBlockState.Present, AntiGm1State.Negative, CreatineKinaseState.Normal, false), options).Level);
        Assert.Equal(CardLevel.Info, DecisionTable.Decide(Lmn(ConductionBlockState.Absent, AntiGm1State.Negative, CreatineKinaseState.Normal, false), options).Level);
    }

    [Theory]
    [InlineData(IndicationKind.OtherIndication)]
    [InlineData(IndicationKind.Neither)]
    public void GivesNoCardOutsideLmnContext(IndicationKind indication)
    {
        var outcome = DecisionTable.Decide(Lmn(ConductionBlockState.Absent, AntiGm1State.Negative, CreatineKinaseState.Elevated, false) with { Indication = indication }, new ClinicalOptions());

        Assert.False(outcome.ShowsCard);
    }

    [Fact]
    public void AmbiguousIndicationGivesInfoOnlyWhenSwitchedOn()
    {
        var inputs = Lmn(ConductionBlockState.Absent, AntiGm1State.Negative, CreatineKinaseState.Elevated, false) with { Indication = IndicationKind.OtherIndication, LmnAlsoCoded = true };

        Assert.False(DecisionTable.Decide(inputs, new ClinicalOptions()).ShowsCard);
        var on = DecisionTable.Decide(inputs, new ClinicalOptions { Indications = { AmbiguousIndicationInfoCard = true } });
        Assert.Equal(new TableMatch(0, CardLevel.Info), on);
    }

    [Fact]
    public void GivesNoCardForChildrenOrNonIvig()
    {
        Assert.False(DecisionTable.Decide(Lmn(ConductionBlockState.Absent, AntiGm1State.Negative, CreatineKinaseState.Elevated, false) with { Paediatric = true }, new ClinicalOptions()).ShowsCard);
        Assert.False(DecisionTable.Decide(Lmn(ConductionBlockState.Absent, AntiGm1State.Negative, CreatineKinaseState.Elevated, false) with { IsIvig = false }, new ClinicalOptions()).ShowsCard);
    }

    private static DecisionInputs Lmn(ConductionBlockState cb, AntiGm1State gm1, CreatineKinaseState ck, bool ongoing) =>
        new(true, IndicationKind.Lmn, true, false, cb, gm1, ck, ongoing, false);
}
