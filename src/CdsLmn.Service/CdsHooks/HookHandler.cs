using CdsLmn.Clinical;
using CdsLmn.Service.CdsHooks.Models;
using CdsLmn.Service.Evidence;

namespace CdsLmn.Service.CdsHooks;

/// <summary>What a hook call produced: a response to send, or an error outcome (412).</summary>
public sealed record HookOutcome(CdsResponse? Response, OperationOutcomeResult? Error)
{
    public static HookOutcome Cards(CdsResponse response) => new(response, null);

    public static HookOutcome Failed(OperationOutcomeResult error) => new(null, error);
}

/// <summary>
/// One hook call, one way through: evidence from the request → the advisor; only if it cannot decide on
/// that, the missing evidence from the FHIR server → the advisor again; still undecided → 412. Advice → cards.
/// </summary>
public sealed partial class HookHandler(EvidenceGatherer gatherer, IvigAdvisor advisor, TimeProvider time, ILogger<HookHandler> logger)
{
    public async Task<HookOutcome> HandleAsync(HookCall call, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var request = ToEvidenceRequest(call);

        var evidence = EvidenceGatherer.FromRequest(request);
        var assessment = advisor.Assess(evidence.ToClinicalEvidence(), call.Kind, time.GetUtcNow());
        if (!assessment.IsDecided)
        {
            evidence = await gatherer.CompleteAsync(request, evidence, cancellationToken);
            assessment = advisor.Assess(evidence.ToClinicalEvidence(), call.Kind, time.GetUtcNow());
        }

        var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
        if (!assessment.IsDecided)
        {
            var problems = Describe(assessment.Missing, evidence);
            LogUndecided(call.Service.Id, call.Request.HookInstance, string.Join(", ", assessment.Missing), elapsed);
            return HookOutcome.Failed(OperationOutcomeResult.PreconditionFailed(
                $"Required FHIR data could not be obtained, so no advice was given: {problems}."));
        }

        var cards = assessment.Advice.Select(AdviceToCard.ToCard).ToList();
        LogDecision(call.Service.Id, call.Request.HookInstance,
            string.Join(",", assessment.Advice.Select(a => $"row {a.Trace.Row} {a.Indicator}")), cards.Count, elapsed);
        return HookOutcome.Cards(cards.Count == 0 ? CdsResponse.Silent : new CdsResponse { Cards = cards });
    }

    private static EvidenceRequest ToEvidenceRequest(HookCall call) => new()
    {
        PatientId = call.PatientId,
        UserId = call.UserId,
        EncounterId = call.EncounterId,
        Selections = call.Selections,
        DraftOrders = call.DraftOrders,
        Prefetch = call.Request.Prefetch,
        Templates = call.Service.Prefetch,
        FhirServer = call.Request.FhirServer,
        AccessToken = call.Request.FhirAuthorization?.AccessToken,
    };

    /// <summary>Names each missing piece of evidence by its prefetch key and says why it is missing.</summary>
    private static string Describe(IReadOnlySet<EvidenceKind> missing, GatheredEvidence evidence)
    {
        var keys = evidence.Keys.Where(key => missing.Contains(PrefetchKeys.Kinds[key]));
        var parts = evidence.Problems(keys).Select(p => $"{p.Key} ({p.Value})").ToList();
        if (missing.Contains(EvidenceKind.Medication))
        {
            parts.AddRange(evidence.UnresolvedMedications.Select(m => $"{m.Key} ({m.Value})"));
        }
        return parts.Count > 0 ? string.Join("; ", parts) : string.Join(", ", missing);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hook {ServiceId} instance {HookInstance}: {Decision}; {CardCount} card(s) in {ElapsedMs:0} ms")]
    private partial void LogDecision(string serviceId, string hookInstance, string decision, int cardCount, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hook {ServiceId} instance {HookInstance}: undecided, missing {Missing}; answered 412 after {ElapsedMs:0} ms")]
    private partial void LogUndecided(string serviceId, string hookInstance, string missing, double elapsedMs);
}
