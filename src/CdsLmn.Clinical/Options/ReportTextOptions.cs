namespace CdsLmn.Clinical;

// TEMPORARY STUB (replaced by the report-text branch before merge).
public sealed class ReportTextOptions
{
    public bool Enabled { get; set; } = true;
    internal void Validate(OptionsErrors errors) => _ = errors;
}
