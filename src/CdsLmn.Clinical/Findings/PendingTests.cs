using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// Open test orders (docs/fhir-inputs.md §3): a ServiceRequest for one of the codes, in a pending status, placed within the
/// pending window. An order older than the window is stale: most EHRs never close orders that were not carried out.
/// </summary>
internal sealed class PendingTests
{
    private readonly IReadOnlyList<string> _statuses;
    private readonly int _windowDays;

    public PendingTests(IReadOnlyList<string> statuses, int windowDays)
    {
        _statuses = statuses;
        _windowDays = windowDays;
    }

    public (List<PendingTest> Open, List<PendingTest> Stale) Orders(IEnumerable<ServiceRequest> requests, IReadOnlyList<CodeToken> codes, DateTimeOffset now)
    {
        var open = new List<PendingTest>();
        var stale = new List<PendingTest>();
        foreach (var request in requests)
        {
            if (FhirRead.Code(request, "status") is not { } status || !_statuses.Contains(status, StringComparer.OrdinalIgnoreCase)
                || !CodeMatch.Any(FhirRead.One<CodeableConcept>(request, "code"), codes))
            {
                continue;
            }

            var date = ResultStatuses.OrderDate(request);
            var item = new PendingTest(date, FhirRead.Reference(request));
            (ResultStatuses.IsPendingInWindow(date, now, _windowDays) ? open : stale).Add(item);
        }

        return (open, stale);
    }

    /// <summary><paramref name="finding"/> with a note on the card for orders too old to count as pending, if there are any.</summary>
    public Finding<TState> NotingStale<TState>(Finding<TState> finding, IReadOnlyList<PendingTest> stale, string test) where TState : struct, Enum =>
        stale.Count == 0
            ? finding
            : finding with
            {
                Notes = [.. finding.Notes,
                    $"An order for {test} from {ResultStatuses.Day(stale.Max(s => s.Date))} is still open but older than {_windowDays} days; it is not counted as pending."],
            };
}
