using CdsLmn.Clinical;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// Gathers the evidence for one hook call (docs/cds-hooks-spec.md §3): first from the request alone (draft orders
/// and prefetch), then — only when the advisor could not decide on that — whatever is missing from the EHR's
/// FHIR server, all queries in parallel within one time budget, on the allowlisted server only, and only what
/// <c>fhirAuthorization.scope</c> grants (<see cref="SmartScopes"/>).
/// </summary>
public sealed partial class EvidenceGatherer(FhirQueryClient fhir, FhirServerAllowlist allowlist, IOptions<FhirOptions> options, ILogger<EvidenceGatherer> logger)
{
    /// <summary>Reads draftOrders only: enough to know whether an order may be IVIg. Every prefetch key is still unread.</summary>
    public static GatheredEvidence FromDraftOrders(EvidenceRequest request)
    {
        var (orders, medications, unreadable) = DraftOrders.Read(request.DraftOrders, request.Selections);
        return new GatheredEvidence
        {
            UnreadableDraftOrder = unreadable,
            OrdersInScope = orders,
            Medications = medications,
            Keys = request.Templates.Keys.Where(PrefetchKeys.Kinds.ContainsKey).ToList(),
            Results = new Dictionary<string, EvidenceResult>(StringComparer.Ordinal),
            UnresolvedMedications = UnresolvedReferences(orders.Select(o => o.Medication), medications).ToDictionary(r => r, _ => "not resolved yet"),
        };
    }

    /// <summary>Adds what the prefetch holds for each key; no network.</summary>
    public static GatheredEvidence WithPrefetch(EvidenceRequest request, GatheredEvidence drafts)
    {
        var results = new Dictionary<string, EvidenceResult>(drafts.Results, StringComparer.Ordinal);
        foreach (var key in drafts.Keys)
        {
            if (request.Prefetch is not null && request.Prefetch.TryGetValue(key, out var value))
            {
                results[key] = FhirPayload.Read(value);
            }
        }
        return drafts with { Results = results };
    }

    /// <summary>Reads draftOrders and prefetch; no network.</summary>
    public static GatheredEvidence FromRequest(EvidenceRequest request) => WithPrefetch(request, FromDraftOrders(request));

    /// <summary>Fetches every key that is missing, failed or paginated, and the Medications references point to.</summary>
    public async Task<GatheredEvidence> CompleteAsync(EvidenceRequest request, GatheredEvidence partial, CancellationToken cancellationToken)
    {
        var server = ServerFor(request, out var refusal);
        if (server is null)
        {
            return WithRefusal(partial, refusal!);
        }

        var scopes = SmartScopes.Parse(request.Scope);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Value.Timeout);

        var keys = partial.Keys
            .Where(key => !partial.Results.TryGetValue(key, out var r) || r.Failed || r.NextPage is not null)
            .ToList();
        var queries = keys.Select(key => FetchKeyAsync(server, scopes, request, key, partial, budget.Token));
        var orderMedications = ReadMedicationsAsync(server, scopes, UnresolvedReferences(partial.OrdersInScope.Select(o => o.Medication), partial.Medications), budget.Token);

        var fetched = await System.Threading.Tasks.Task.WhenAll(queries);
        var (medications, unresolved) = await orderMedications;

        var results = new Dictionary<string, EvidenceResult>(partial.Results, StringComparer.Ordinal);
        foreach (var (key, result) in fetched)
        {
            results[key] = result;
        }

        // Order history may name its medication by reference too; resolve those in a second, bounded round.
        var known = partial.Medications.Concat(medications).ToList();
        var historyReferences = UnresolvedReferences(HistoryMedications(results), known).Take(options.Value.MaxMedicationReads).ToList();
        var (historyMedications, historyUnresolved) = await ReadMedicationsAsync(server, scopes, historyReferences, budget.Token);
        foreach (var key in historyUnresolved.Count > 0 ? PrefetchKeys.Kinds.Where(k => k.Value == EvidenceKind.OngoingIvig).Select(k => k.Key) : [])
        {
            results[key] = EvidenceResult.Fail("a medication in the order history could not be read");
        }

        return partial with
        {
            Medications = [.. known, .. historyMedications],
            Results = results,
            UnresolvedMedications = unresolved,
        };
    }

    private FhirServer? ServerFor(EvidenceRequest request, out string? refusal)
    {
        refusal = null;
        if (request.FhirServer is null)
        {
            refusal = "the request has no fhirServer";
            return null;
        }
        var url = new Uri(request.FhirServer);
        if (!allowlist.IsAllowed(url))
        {
            LogRefusedServer(url.GetLeftPart(UriPartial.Authority));
            refusal = "fhirServer is not on this service's allowlist (CdsLmn:Fhir:AllowedServers)";
            return null;
        }
        return new FhirServer(url, request.AccessToken);
    }

    private async Task<(string Key, EvidenceResult Result)> FetchKeyAsync(
        FhirServer server, SmartScopes? scopes, EvidenceRequest request, string key, GatheredEvidence partial, CancellationToken cancellationToken)
    {
        if (scopes?.Refusal(request.Templates[key]) is { } refusal)
        {
            var prefetch = !partial.Results.TryGetValue(key, out var had) ? "not prefetched"
                : had.Failed ? $"the prefetch is unusable ({had.Failure})"
                : "the prefetch has further pages";
            return (key, EvidenceResult.Fail($"{prefetch}, and {refusal}"));
        }
        // A paginated prefetch keeps its first page and follows the rest; anything else is queried afresh.
        if (partial.Results.TryGetValue(key, out var prefetched) && !prefetched.Failed && prefetched.NextPage is not null)
        {
            return (key, await fhir.FollowAsync(server, prefetched, cancellationToken));
        }
        var query = PrefetchKeys.Fill(request.Templates[key], request.PatientId, request.UserId, request.EncounterId);
        return (key, await fhir.GetAsync(server, query, cancellationToken));
    }

    private async Task<(IReadOnlyList<Medication> Found, IReadOnlyDictionary<string, string> Unresolved)> ReadMedicationsAsync(
        FhirServer server, SmartScopes? scopes, IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        var reads = await System.Threading.Tasks.Task.WhenAll(references.Select(async reference => (reference, result:
            scopes?.Refusal(reference) is { } refusal ? EvidenceResult.Fail(refusal) : await fhir.GetAsync(server, reference, cancellationToken))));
        var found = reads.SelectMany(r => r.result.Resources.OfType<Medication>()).ToList();
        var unresolved = reads.Where(r => r.result.Failed).ToDictionary(r => r.reference, r => r.result.Failure!);
        return (found, unresolved);
    }

    private static GatheredEvidence WithRefusal(GatheredEvidence partial, string refusal)
    {
        var results = new Dictionary<string, EvidenceResult>(partial.Results, StringComparer.Ordinal);
        foreach (var key in partial.Keys)
        {
            if (!results.TryGetValue(key, out var r) || r.Failed || r.NextPage is not null)
            {
                results[key] = EvidenceResult.Fail($"not prefetched, and {refusal}");
            }
        }
        return partial with
        {
            Results = results,
            UnresolvedMedications = partial.UnresolvedMedications.ToDictionary(m => m.Key, _ => $"not in draftOrders, and {refusal}"),
        };
    }

    private static IEnumerable<DataType?> HistoryMedications(IReadOnlyDictionary<string, EvidenceResult> results)
    {
        var history = results.Values.Where(r => !r.Failed).SelectMany(r => r.Resources).ToList();
        return history.OfType<MedicationRequest>().Select(r => r.Medication)
            .Concat(history.OfType<MedicationAdministration>().Select(a => a.Medication));
    }

    /// <summary><c>Medication/{id}</c> references that no known Medication satisfies (contained ones start with '#').</summary>
    private static List<string> UnresolvedReferences(IEnumerable<DataType?> medications, IEnumerable<Medication> known)
    {
        var knownIds = known.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        return medications
            .Select(medication => (medication as ResourceReference)?.Reference)
            .OfType<string>()
            .Where(reference => reference.StartsWith("Medication/", StringComparison.Ordinal))
            .Where(reference => !knownIds.Contains(reference["Medication/".Length..]))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "fhirServer {Server} is not on the allowlist; it was not contacted")]
    private partial void LogRefusedServer(string server);
}
