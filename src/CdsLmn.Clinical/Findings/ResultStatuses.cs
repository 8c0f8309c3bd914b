using System.Collections.Frozen;
using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>Reading a result's status and dates the same way for every finding.</summary>
internal static class ResultStatuses
{
    private static readonly FrozenSet<string> Usable = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "final", "amended", "corrected", "appended");
    private static readonly FrozenSet<string> Pending = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "registered", "preliminary", "partial");

    public static ResultStatus Of(Resource resource)
    {
        var status = FhirRead.Code(resource, "status");
        if (status is null)
        {
            return ResultStatus.Ignored;
        }

        if (Usable.Contains(status))
        {
            return ResultStatus.Usable;
        }

        return Pending.Contains(status) ? ResultStatus.Pending : ResultStatus.Ignored;
    }

    /// <summary>
    /// Fresh when taken no more than <paramref name="days"/> calendar days (UTC) before <paramref name="now"/>; the edge day counts.
    /// Whole days, because most results carry a date without a time.
    /// </summary>
    public static bool IsFresh(DateTimeOffset date, DateTimeOffset now, int days) => date.UtcDateTime.Date >= now.AddDays(-days).UtcDateTime.Date;

    /// <summary>A preliminary result counts as pending while fresh; an undated one always does (it cannot be judged stale).</summary>
    public static bool IsPendingInWindow(DateTimeOffset? date, DateTimeOffset now, int days) => date is not { } d || IsFresh(d, now, days);

    /// <summary>The date a ServiceRequest was placed: authoredOn, else occurrence[x].</summary>
    public static DateTimeOffset? OrderDate(ServiceRequest request) =>
        FhirRead.DateOf(request, "authoredOn") ?? FhirRead.DateOf(request, "occurrence");

    public static string Day(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "date unknown";
}
