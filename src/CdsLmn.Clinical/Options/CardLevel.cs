namespace CdsLmn.Clinical;

/// <summary>What a decision-table row shows. There is no "critical" (docs/clinical-evidence.md §5.3 indicator policy).</summary>
public enum CardLevel
{
    None,
    Info,
    Warning,
}
