using CdsLmn.Clinical.Findings;

namespace CdsLmn.Clinical.Cards;

/// <summary>The facts one card is written from.</summary>
internal sealed record CardFacts(
    string OrderReference,
    OrderStage Stage,
    TableMatch Match,
    IndicationResult Indication,
    Finding<ConductionBlockState> ConductionBlock,
    Finding<AntiGm1State> AntiGm1IgM,
    Finding<CreatineKinaseState> CreatineKinase,
    OngoingIvigResult Ongoing,
    string? PatientReference,
    DateTimeOffset Now)
{
    public bool CkVeryHigh => CreatineKinase.State == CreatineKinaseState.Elevated && CreatineKinase.Flags.Contains(Findings.CreatineKinase.VeryHighFlag);
}
