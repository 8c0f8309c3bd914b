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
