namespace CdsLmn.Clinical;

/// <summary>Card urgency. There is deliberately no "critical": the evidence is Class IV and contested (docs/clinical-evidence.md §5.3).</summary>
public enum AdviceIndicator
{
    Info,
    Warning,
}
