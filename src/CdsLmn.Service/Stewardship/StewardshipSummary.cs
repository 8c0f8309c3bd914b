namespace CdsLmn.Service.Stewardship;

/// <summary>The stewardship report's figures.</summary>
internal sealed record StewardshipSummary
{
    public required ReportPeriod Period { get; init; }

    /// <summary>One row per service, mode (Active/Shadow), decision row and indicator, in that order.</summary>
    public required IReadOnlyList<StewardshipRow> Rows { get; init; }

    /// <summary>Feedback (timed inside the period) about card uuids the store never issued, per service.</summary>
    public required IReadOnlyList<UnknownCardFeedback> UnknownCardFeedback { get; init; }

    /// <summary>Cards per UTC week (weeks start on Monday), mode and indicator, oldest first.</summary>
    public IReadOnlyList<WeeklyCards> Weeks { get; init; } = [];
}
