namespace CdsLmn.Service.Stewardship;

/// <summary>How the <c>report</c> command prints the stewardship figures.</summary>
internal enum ReportFormat
{
    Table,
    Csv,
    Json,
    Html,
}
