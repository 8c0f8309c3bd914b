namespace CdsLmn.Clinical;

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
