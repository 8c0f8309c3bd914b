using CdsLmn.Clinical.Advising;
using System.Diagnostics;
using CdsLmn.Clinical;
using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.Evidence;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Onboarding;

/// <summary>
/// Checks a site's FHIR server against what the service needs, patient by patient: the service's own nine prefetch
/// queries (from the embedded discovery document) through the same client, resilience and parser; broad searches
/// for results under codes the service does not know; and a dry-run decision.
/// </summary>
internal sealed class FhirCheck(FhirQueryClient fhir, IvigAdvisor advisor, IOptions<ClinicalOptions> clinical, IOptions<FhirOptions> fhirOptions, TimeProvider time)
{
    /// <summary>Searches beyond the prefetch templates: every result of the types that may carry local codes.</summary>
    private static readonly (string Key, string Template)[] BroadSearches =
    [
        ("allObservations", "Observation?patient={{context.patientId}}&_count=200"),
        ("allDiagnosticReports", "DiagnosticReport?patient={{context.patientId}}&_count=100"),
        ("allServiceRequests", "ServiceRequest?patient={{context.patientId}}&_count=100"),
    ];

    private readonly IReadOnlyDictionary<string, string> _templates = CdsServiceCatalog.LoadEmbedded().Services
        .First(s => s.Hook == HookNames.OrderSign).Prefetch;

    private readonly IReadOnlyList<CandidateKind> _candidateKinds = CandidateKind.From(clinical.Value);

    public async Task<PatientCheck> CheckAsync(FhirServer server, string patientId, CancellationToken cancellationToken)
    {
        var prefetch = await RunAsync(server, patientId, _templates.Where(t => PrefetchKeys.Kinds.ContainsKey(t.Key)).Select(t => (t.Key, t.Value)), true, cancellationToken);
        var broad = await RunAsync(server, patientId, BroadSearches, false, cancellationToken);

        var results = prefetch.ToDictionary(q => q.Check.Key, q => q.Result, StringComparer.Ordinal);
        var medications = await ReadHistoryMedicationsAsync(server, results, cancellationToken);
        var scanned = prefetch.Concat(broad).Where(q => !q.Result.Failed).SelectMany(q => q.Result.Resources);

        return new PatientCheck
        {
            Patient = patientId,
            Queries = [.. prefetch.Select(q => q.Check), .. broad.Select(q => q.Check)],
            Unrecognised = UnrecognisedCandidates.Find(scanned, _candidateKinds),
            DryRun = DryRunOrder.Decide(advisor, patientId, results, medications, time.GetUtcNow()),
        };
    }

    private async Task<List<(QueryCheck Check, EvidenceResult Result)>> RunAsync(
        FhirServer server, string patientId, IEnumerable<(string Key, string Template)> queries, bool prefetch, CancellationToken cancellationToken)
    {
        var runs = queries.Select(async query =>
        {
            var relative = PrefetchKeys.Fill(query.Template, patientId, "Practitioner/check-fhir", null);
            var started = Stopwatch.GetTimestamp();
            using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            budget.CancelAfter(fhirOptions.Value.Timeout);
            var result = await fhir.GetAsync(server, relative, budget.Token);
            var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            return (new QueryCheck(query.Key, relative, result.Failure ?? QueryCheck.Ok, result.Resources.Count, elapsed, prefetch), result);
        });
        return [.. await System.Threading.Tasks.Task.WhenAll(runs)];
    }

    /// <summary>
    /// Order history may name its medication by reference; the advisor needs those Medications to tell IVIg. Read as a
    /// hook call reads them (<see cref="MedicationReferences"/>): at most <c>CdsLmn:Fhir:MaxMedicationReads</c>, and one
    /// that cannot be read leaves ongoing IVIg undecidable.
    /// </summary>
    private async Task<IReadOnlyList<Medication>> ReadHistoryMedicationsAsync(
        FhirServer server, Dictionary<string, EvidenceResult> results, CancellationToken cancellationToken)
    {
        var references = MedicationReferences.InHistory(results, [], fhirOptions.Value.MaxMedicationReads);
        var reads = await System.Threading.Tasks.Task.WhenAll(references.Select(r => fhir.GetAsync(server, r, cancellationToken)));
        if (reads.Any(r => r.Failed))
        {
            MedicationReferences.MarkHistoryUnreadable(results);
        }
        return [.. reads.SelectMany(r => r.Resources.OfType<Medication>())];
    }
}
