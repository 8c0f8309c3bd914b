using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// One finding as the card shows it: its state, the row of the results table (test, result, date), the resources it
/// came from and any qualifying flags. <see cref="StaleDate"/> keeps the date of a result too old to count.
/// </summary>
internal sealed record Finding<TState>(
    TState State,
    string Test,
    string Result,
    DateTimeOffset? Date,
    IReadOnlyList<string> EvidenceIds,
    IReadOnlyList<string> Flags,
    DateTimeOffset? StaleDate = null,
    bool Unavailable = false)
    where TState : struct, Enum;

/// <summary>How a result resource's status counts (docs/fhir-inputs.md §3: newest final/amended/corrected wins; ignore entered-in-error and cancelled).</summary>
internal enum ResultStatus
{
    Usable,
    Pending,
    Ignored,
}

internal static class ResultStatuses
{
    private static readonly string[] Usable = ["final", "amended", "corrected", "appended"];
    private static readonly string[] Pending = ["registered", "preliminary", "partial"];

    public static ResultStatus Of(Resource resource)
    {
        var status = FhirRead.Code(resource, "status");
        if (status is null)
        {
            return ResultStatus.Ignored;
        }

        if (Usable.Contains(status, StringComparer.OrdinalIgnoreCase))
        {
            return ResultStatus.Usable;
        }

        return Pending.Contains(status, StringComparer.OrdinalIgnoreCase) ? ResultStatus.Pending : ResultStatus.Ignored;
    }

    /// <summary>
    /// Fresh when taken no more than <paramref name="days"/> calendar days (UTC) before <paramref name="now"/>; the edge day counts.
    /// Whole days, because most results carry a date without a time.
    /// </summary>
    public static bool IsFresh(DateTimeOffset date, DateTimeOffset now, int days) => date.UtcDateTime.Date >= now.AddDays(-days).UtcDateTime.Date;

    /// <summary>The date a ServiceRequest was placed: authoredOn, else occurrence[x].</summary>
    public static DateTimeOffset? OrderDate(ServiceRequest request) =>
        FhirRead.DateOf(request, "authoredOn") ?? FhirRead.DateOf(request, "occurrence");

    /// <summary>Pending test orders for any of <paramref name="codes"/>: status in the configured pending statuses, not older than the freshness window.</summary>
    public static IEnumerable<ServiceRequest> PendingOrders(IEnumerable<ServiceRequest> requests, IReadOnlyList<CodeToken> codes,
        string[] pendingStatuses, DateTimeOffset now, int freshnessDays) =>
        requests.Where(r =>
            FhirRead.Code(r, "status") is { } status
            && pendingStatuses.Contains(status, StringComparer.OrdinalIgnoreCase)
            && CodeMatch.Any(FhirRead.One<CodeableConcept>(r, "code"), codes)
            && (OrderDate(r) is not { } date || IsFresh(date, now, freshnessDays)));

    public static string Day(DateTimeOffset? date) => date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "date unknown";
}
