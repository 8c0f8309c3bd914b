namespace CdsLmn.Clinical;

/// <summary>Conduction block states (clinical-evidence.md §5.2).</summary>
public enum ConductionBlockState
{
    Present,
    Absent,
    Equivocal,
    Pending,
    NotTested,
}

/// <summary>Anti-GM1 IgM states (clinical-evidence.md §5.2).</summary>
public enum AntiGm1State
{
    High,
    PositiveLow,
    Equivocal,
    Negative,
    Pending,
    NotTested,
}

/// <summary>Creatine kinase states (clinical-evidence.md §5.2).</summary>
public enum CreatineKinaseState
{
    Elevated,
    Normal,
    Unknown,
}
