namespace CdsLmn.Service.Stewardship;

/// <summary>How the <c>report</c> command prints the stewardship figures.</summary>
public enum ReportFormat
{
    Table,
    Csv,
    Json,
    Html,
}
