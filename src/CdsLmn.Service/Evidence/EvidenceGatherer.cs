using CdsLmn.Clinical.Advising;
using CdsLmn.Clinical;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// Owns the question "what must be read next to decide" for one hook call (docs/cds-hooks-spec.md §3): the draft
/// orders alone (most orders are not IVIg, and then nothing else is read); then the prefetch; only when the
/// advisor cannot decide on that, whatever is missing from the EHR's FHIR server — all queries in parallel within
/// one time budget, on the allowlisted server only, only what <c>fhirAuthorization.scope</c> grants
/// (<see cref="SmartScopes"/>), through that server's circuit breaker (<see cref="FhirServerBreakers"/>).
/// </summary>
internal sealed partial class EvidenceGatherer(
    FhirQueryClient fhir,
    FhirServerAllowlist allowlist,
    FhirServerBreakers breakers,
    IvigAdvisor advisor,
    ResultRelevance relevance,
    TimeProvider time,
    IOptions<FhirOptions> options,
    ILogger<EvidenceGatherer> logger)
{
    /// <summary>Reads as little as decides the call; see <see cref="GatherResult"/>.</summary>
    public async Task<GatherResult> GatherAsync(EvidenceRequest request, OrderStage stage, CancellationToken cancellationToken)
    {
        var evidence = FromDraftOrders(request);
        if (evidence.UnreadableDraftOrder is { } unreadable)
        {
            return GatherResult.Unreadable(unreadable);
        }
        if (!advisor.MayConcernIvig(evidence.ToClinicalEvidence()))
        {
            return GatherResult.Decided(Assessment.Silent, evidence.ResourcesRead);
        }

        evidence = WithPrefetch(request, evidence, relevance);
        var assessment = advisor.Assess(evidence.ToClinicalEvidence(), stage, time.GetUtcNow());
        if (!assessment.IsDecided)
        {
            evidence = await CompleteAsync(request, evidence, cancellationToken);
            assessment = advisor.Assess(evidence.ToClinicalEvidence(), stage, time.GetUtcNow());
        }
        return assessment.IsDecided
            ? GatherResult.Decided(assessment, evidence.ResourcesRead)
            : GatherResult.Missing(assessment.Missing, MissingEvidence.Describe(assessment.Missing, evidence), evidence.ResourcesRead);
    }

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
            UnresolvedMedications = MedicationReferences.Unresolved(orders.Select(o => o.Medication), medications).ToDictionary(r => r, _ => "not resolved yet", StringComparer.Ordinal),
        };
    }

    /// <summary>Adds what the prefetch holds for each key, binding only results that may matter when given <paramref name="relevance"/>; no network.</summary>
    public static GatheredEvidence WithPrefetch(EvidenceRequest request, GatheredEvidence drafts, ResultRelevance? relevance = null)
    {
        var results = new Dictionary<string, EvidenceResult>(drafts.Results, StringComparer.Ordinal);
        foreach (var key in drafts.Keys)
        {
            if (request.Prefetch is not null && request.Prefetch.TryGetValue(key, out var value))
            {
                results[key] = FhirPayload.Read(value, relevance: relevance);
            }
        }
        return drafts with { Results = results };
    }

    /// <summary>
    /// Fetches every key that is missing, failed or paginated, and the Medications references point to: one round
    /// through the server's breaker, which it counts as one sample; while the breaker is open nothing is called.
    /// </summary>
    public async Task<GatheredEvidence> CompleteAsync(EvidenceRequest request, GatheredEvidence partial, CancellationToken cancellationToken)
    {
        var server = ServerFor(request, out var refusal);
        if (server is null)
        {
            return WithFailures(partial, $"not prefetched, and {refusal}", $"not in draftOrders, and {refusal}");
        }
        try
        {
            var round = await breakers.ExecuteAsync(
                server.BaseUrl, async ct => await FetchRoundAsync(server, request, partial, ct), cancellationToken);
            return round.Evidence;
        }
        catch (BrokenCircuitException)
        {
            LogCircuitOpen(server.BaseUrl.GetLeftPart(UriPartial.Authority));
            return WithFailures(partial, "the FHIR server is failing (circuit open)", "the FHIR server is failing (circuit open)");
        }
    }

    private async ValueTask<FhirRound> FetchRoundAsync(FhirServer server, EvidenceRequest request, GatheredEvidence partial, CancellationToken cancellationToken)
    {
        var scopes = SmartScopes.Parse(request.Scope);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(options.Value.Timeout);

        var keys = partial.Keys
            .Where(key => !partial.Results.TryGetValue(key, out var r) || r.Failed || r.NextPage is not null)
            .ToList();
        var queries = keys.Select(key => FetchKeyAsync(server, scopes, request, key, partial, budget.Token));
        var orderMedications = ReadMedicationsAsync(server, scopes, MedicationReferences.Unresolved(partial.OrdersInScope.Select(o => o.Medication), partial.Medications), budget.Token);

        var fetched = await System.Threading.Tasks.Task.WhenAll(queries);
        var (medications, unresolved, medicationFault) = await orderMedications;

        var results = new Dictionary<string, EvidenceResult>(partial.Results, StringComparer.Ordinal);
        var fault = medicationFault;
        foreach (var (key, result) in fetched)
        {
            results[key] = result;
            fault |= result.ServerFault;
        }

        // Order history may name its medication by reference too; resolve those in a second, bounded round.
        var known = partial.Medications.Concat(medications).ToList();
        var historyReferences = MedicationReferences.InHistory(results, known, options.Value.MaxMedicationReads);
        var (historyMedications, historyUnresolved, historyFault) = await ReadMedicationsAsync(server, scopes, historyReferences, budget.Token);
        if (historyUnresolved.Count > 0)
        {
            MedicationReferences.MarkHistoryUnreadable(results);
        }

        var evidence = partial with
        {
            Medications = [.. known, .. historyMedications],
            Results = results,
            UnresolvedMedications = unresolved,
        };
        // A call the EHR abandoned says nothing about the server.
        return new FhirRound(evidence, (fault || historyFault) && !cancellationToken.IsCancellationRequested);
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

    private async Task<(IReadOnlyList<Medication> Found, IReadOnlyDictionary<string, string> Unresolved, bool ServerFault)> ReadMedicationsAsync(
        FhirServer server, SmartScopes? scopes, IReadOnlyCollection<string> references, CancellationToken cancellationToken)
    {
        var reads = await System.Threading.Tasks.Task.WhenAll(references.Select(async reference => (reference, result:
            scopes?.Refusal(reference) is { } refusal ? EvidenceResult.Fail(refusal) : await fhir.GetAsync(server, reference, cancellationToken))));
        var found = reads.SelectMany(r => r.result.Resources.OfType<Medication>()).ToList();
        var unresolved = reads.Where(r => r.result.Failed).ToDictionary(r => r.reference, r => r.result.Failure!);
        return (found, unresolved, reads.Any(r => r.result.ServerFault));
    }

    /// <summary>Every key still without a usable result, and every order medication not yet read, fails for the reason given.</summary>
    private static GatheredEvidence WithFailures(GatheredEvidence partial, string keyFailure, string medicationFailure)
    {
        var results = new Dictionary<string, EvidenceResult>(partial.Results, StringComparer.Ordinal);
        foreach (var key in partial.Keys)
        {
            if (!results.TryGetValue(key, out var r) || r.Failed || r.NextPage is not null)
            {
                results[key] = EvidenceResult.Fail(keyFailure);
            }
        }
        return partial with
        {
            Results = results,
            UnresolvedMedications = partial.UnresolvedMedications.ToDictionary(m => m.Key, _ => medicationFailure),
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "FHIR server {Server}: circuit open; it was not contacted")]
    private partial void LogCircuitOpen(string server);

    [LoggerMessage(Level = LogLevel.Warning, Message = "fhirServer {Server} is not on the allowlist; it was not contacted")]
    private partial void LogRefusedServer(string server);
}
