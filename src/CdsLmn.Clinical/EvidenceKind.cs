namespace CdsLmn.Clinical;

/// <summary>The families of evidence the evidence layer gathers, each from one prefetch key or query.</summary>
public enum EvidenceKind
{
    Patient,
    Conditions,
    NerveConduction,
    AntiGm1IgM,
    CreatineKinase,
    OngoingIvig,
    PendingTests,
    Medication,
}
