namespace CdsLmn.Service.Stewardship;

/// <summary>What the <c>report</c> command was asked for; <see cref="OutputFile"/> null means standard output.</summary>
internal sealed record ReportRequest(ReportPeriod Period, ReportFormat Format, string? OutputFile = null);
