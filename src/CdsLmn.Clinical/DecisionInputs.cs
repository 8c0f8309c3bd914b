namespace CdsLmn.Clinical;

/// <summary>Everything the table needs about one order, each fact as the advisor knows it.</summary>
internal sealed record DecisionInputs(
    bool IsIvig,
    IndicationKind Indication,
    bool LmnAlsoCoded,
    bool Paediatric,
    ConductionBlockState ConductionBlock,
    AntiGm1State AntiGm1IgM,
    CreatineKinaseState CreatineKinase,
    bool OngoingIvig,
    bool MmnOrCidpCoded)
{
    /// <summary>CK above the configured multiple of its upper limit (docs/fhir-inputs.md §5): rows 3–4 show their "very high CK" level.</summary>
    public bool CkVeryHigh { get; init; }
}
