namespace CdsLmn.Service.Stewardship;

/// <summary>Reads the stewardship figures out of the store behind <see cref="ICardLedger"/>.</summary>
internal interface IStewardshipQuery
{
    /// <summary>Cards issued in <paramref name="period"/> and what became of them, per service, mode and decision row.</summary>
    Task<StewardshipSummary> SummarizeAsync(ReportPeriod period, CancellationToken cancellationToken);
}
