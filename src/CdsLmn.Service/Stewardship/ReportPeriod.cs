using System.Text.Json.Serialization;

namespace CdsLmn.Service.Stewardship;

/// <summary>An inclusive range of UTC days; either end may be open.</summary>
internal sealed record ReportPeriod(DateOnly? From, DateOnly? To)
{
    public static ReportPeriod All { get; } = new(null, null);

    /// <summary>The last <paramref name="days"/> UTC days, <paramref name="today"/> included.</summary>
    public static ReportPeriod LastDays(int days, DateOnly today) => new(today.AddDays(1 - days), today);

    /// <summary>The first instant inside the period, or null when it has no start.</summary>
    [JsonIgnore]
    public DateTimeOffset? Start => From is { } from ? new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    /// <summary>The first instant after the period, or null when it has no end.</summary>
    [JsonIgnore]
    public DateTimeOffset? End => To is { } to ? new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;
}
