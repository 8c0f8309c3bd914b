namespace CdsLmn.Clinical.Findings;

// TEMPORARY STUB (replaced by the report-text branch before merge).
internal sealed class ReportConclusionReader(ReportTextOptions options)
{
    public ReportTextReading Read(string? conclusion)
    {
        _ = options;
        if (string.IsNullOrWhiteSpace(conclusion)) return new(ConductionBlockState.Equivocal, null, "report text does not mention conduction block");
        var t = conclusion.ToLowerInvariant();
        if (!t.Contains("conduction block", StringComparison.Ordinal)) return new(ConductionBlockState.Equivocal, null, "report text does not mention conduction block");
        if (t.Contains("excluded", StringComparison.Ordinal) || t.Contains("possible", StringComparison.Ordinal)) return new(ConductionBlockState.Equivocal, conclusion.Trim(), "report text hedges");
        if (t.Contains("no conduction block", StringComparison.Ordinal) || t.Contains("no evidence of", StringComparison.Ordinal)) return new(ConductionBlockState.Absent, conclusion.Trim(), "report text negates conduction block");
        return new(ConductionBlockState.Present, conclusion.Trim(), "report text asserts conduction block");
    }
}
internal sealed record ReportTextReading(ConductionBlockState State, string? Sentence, string Why);
