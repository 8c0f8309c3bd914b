namespace CdsLmn.Clinical;

/// <summary>Creatine kinase states (docs/clinical-evidence.md §5.2).</summary>
public enum CreatineKinaseState
{
    Elevated,
    Normal,
    Unknown,
}
