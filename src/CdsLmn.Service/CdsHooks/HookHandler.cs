using CdsLmn.Clinical;
using CdsLmn.Clinical.Advising;
using CdsLmn.Service.CdsHooks.Models;
using CdsLmn.Service.Evidence;
using CdsLmn.Service.Stewardship;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.CdsHooks;

/// <summary>What a hook call produced: a response to send, or an error outcome (400 for an unreadable draft order, 412).</summary>
public sealed record HookOutcome(CdsResponse? Response, OperationOutcomeResult? Error)
{
    public static HookOutcome Cards(CdsResponse response) => new(response, null);

    public static HookOutcome Failed(OperationOutcomeResult error) => new(null, error);
}

/// <summary>
/// One hook call, one way through, reading no more than the decision needs: the draft orders alone (most orders
/// are not IVIg, and then nothing else is parsed); then the prefetch → the advisor; only if it cannot decide on
/// that, the missing evidence from the FHIR server → the advisor again; still undecided → 412. Advice → cards,
/// each recorded in the ledger and the audit trail; in shadow mode recorded but not shown.
/// </summary>
public sealed partial class HookHandler(
    EvidenceGatherer gatherer,
    IvigAdvisor advisor,
    ICardLedger ledger,
    HookAudit audit,
    IOptions<ServiceModeOptions> mode,
    TimeProvider time,
    ILogger<HookHandler> logger)
{
    public async Task<HookOutcome> HandleAsync(HookCall call, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var request = ToEvidenceRequest(call);

        var evidence = EvidenceGatherer.FromDraftOrders(request);
        if (evidence.UnreadableDraftOrder is { } unreadable)
        {
            return HookOutcome.Failed(OperationOutcomeResult.BadRequest(unreadable));
        }
        var assessment = Assessment.Silent;
        if (advisor.MayConcernIvig(evidence.ToClinicalEvidence()))
        {
            evidence = EvidenceGatherer.WithPrefetch(request, evidence);
            assessment = advisor.Assess(evidence.ToClinicalEvidence(), call.Kind.Stage(), time.GetUtcNow());
        }
        if (!assessment.IsDecided)
        {
            evidence = await gatherer.CompleteAsync(request, evidence, cancellationToken);
            assessment = advisor.Assess(evidence.ToClinicalEvidence(), call.Kind.Stage(), time.GetUtcNow());
        }

        var elapsed = time.GetElapsedTime(started).TotalMilliseconds;
        var shadow = mode.Value.IsShadow;
        if (!assessment.IsDecided)
        {
            Audit(call, evidence, $"undecided (missing {string.Join(", ", assessment.Missing)})", [], shadow);
            LogUndecided(call.Service.Id, call.Request.HookInstance, Describe(assessment.Missing, evidence), elapsed);
            return HookOutcome.Failed(OperationOutcomeResult.PreconditionFailed(
                $"Required FHIR data could not be obtained, so no advice was given: {Describe(assessment.Missing, evidence)}."));
        }

        var issued = assessment.Advice.Select(advice => (advice, card: AdviceToCard.ToCard(advice))).ToList();
        foreach (var (advice, card) in issued)
        {
            ledger.RecordIssued(ToIssuedCard(call, advice, card, shadow));
        }

        var decision = issued.Count == 0 ? "no card" : string.Join(", ", issued.Select(i => $"row {i.advice.Trace.Row} {i.advice.Indicator}"));
        // The audit event is the one log line of a decided call: it carries the decision and the cards.
        Audit(call, evidence, decision, issued.Select(i => i.card.Uuid).ToList(), shadow);

        return HookOutcome.Cards(issued.Count == 0 || shadow ? CdsResponse.Silent : new CdsResponse { Cards = issued.Select(i => i.card).ToList() });
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
        Scope = call.Request.FhirAuthorization?.Scope,
    };

    private IssuedCard ToIssuedCard(HookCall call, Advice advice, Card card, bool shadow) => new()
    {
        CardUuid = card.Uuid,
        ServiceId = call.Service.Id,
        HookInstance = call.Request.HookInstance,
        PatientId = call.PatientId,
        DecisionRow = advice.Trace.Row,
        Indicator = advice.Indicator == AdviceIndicator.Warning ? "warning" : "info",
        IssuedAt = time.GetUtcNow(),
        Shadow = shadow,
        Suggestions = (card.Suggestions ?? []).Select(s => new IssuedSuggestion(s.Uuid, s.Label)).ToList(),
    };

    private void Audit(HookCall call, GatheredEvidence evidence, string decision, IReadOnlyList<string> cardUuids, bool shadow) =>
        audit.Record(new HookAuditEvent(time.GetUtcNow(), call.ClientIssuer, call.Tenant, call.Request.HookInstance, call.Service.Id,
            call.PatientId, evidence.ResourcesRead.ToList(), decision, cardUuids, shadow));

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hook {ServiceId} instance {HookInstance}: undecided, missing {Missing}; answered 412 after {ElapsedMs:0} ms")]
    private partial void LogUndecided(string serviceId, string hookInstance, string missing, double elapsedMs);
}
