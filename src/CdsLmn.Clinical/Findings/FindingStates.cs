namespace CdsLmn.Clinical;

/// <summary>Conduction block states (docs/clinical-evidence.md §5.2).</summary>
public enum ConductionBlockState
{
    Present,
    Absent,
    Equivocal,
    Pending,
    NotTested,
}

/// <summary>Anti-GM1 IgM states (docs/clinical-evidence.md §5.2).</summary>
public enum AntiGm1State
{
    High,
    PositiveLow,
    Equivocal,
    Negative,
    Pending,
    NotTested,
}

/// <summary>Creatine kinase states (docs/clinical-evidence.md §5.2).</summary>
public enum CreatineKinaseState
{
    Elevated,
    Normal,
    Unknown,
}
