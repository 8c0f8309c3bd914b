using CdsLmn.Clinical;
using CdsLmn.Service.CdsHooks.Models;
using CdsLmn.Service.Evidence;
using CdsLmn.Service.Stewardship;
using Microsoft.Extensions.Options;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// One hook call: gather (<see cref="EvidenceGatherer"/> reads what the decision needs and decides, or says what is
/// missing) → cards → each card recorded in the ledger and the audit trail → in shadow mode recorded but not shown.
/// </summary>
internal sealed partial class HookHandler(
    EvidenceGatherer gatherer,
    ICardLedger ledger,
    HookAudit audit,
    IOptions<ServiceModeOptions> mode,
    TimeProvider time,
    ILogger<HookHandler> logger)
{
    public async Task<HookAnswer> HandleAsync(HookCall call, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var gathered = await gatherer.GatherAsync(ToEvidenceRequest(call), call.Kind.Stage(), cancellationToken);
        if (gathered.UnreadableDraftOrder is { } unreadable)
        {
            return HookAnswer.Failed(OperationOutcomeResult.BadRequest(unreadable));
        }

        var shadow = mode.Value.IsShadow;
        if (gathered.Assessment is not { } assessment)
        {
            var why = gathered.MissingDescription!; // set whenever no assessment was reached
            Audit(call, gathered.ResourcesRead, $"undecided (missing {string.Join(", ", gathered.MissingKinds)})", [], shadow);
            LogUndecided(call.Service.Id, call.Request.HookInstance, why, time.GetElapsedTime(started).TotalMilliseconds);
            return HookAnswer.Failed(OperationOutcomeResult.PreconditionFailed(why));
        }

        if (assessment.Advice.Count == 0)
        {
            // The audit event is the one log line of a decided call: it carries the decision and the cards.
            Audit(call, gathered.ResourcesRead, "no card", [], shadow);
            return HookAnswer.Cards(CdsResponse.Silent);
        }

        var cards = new List<Card>(assessment.Advice.Count);
        var decision = new List<string>(assessment.Advice.Count);
        foreach (var advice in assessment.Advice)
        {
            var card = AdviceToCard.ToCard(advice);
            ledger.RecordIssued(ToIssuedCard(call, advice, card, shadow));
            cards.Add(card);
            decision.Add($"row {advice.Trace.Row} {advice.Indicator}");
        }
        Audit(call, gathered.ResourcesRead, string.Join(", ", decision), cards.ConvertAll(card => card.Uuid), shadow);

        return HookAnswer.Cards(shadow ? CdsResponse.Silent : new CdsResponse { Cards = cards });
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

    private void Audit(HookCall call, IReadOnlyList<string> resourcesRead, string decision, IReadOnlyList<string> cardUuids, bool shadow) =>
        audit.Record(new HookAuditEvent(time.GetUtcNow(), call.ClientIssuer, call.Tenant, call.Request.HookInstance, call.Service.Id,
            call.PatientId, resourcesRead, decision, cardUuids, shadow));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hook {ServiceId} instance {HookInstance}: undecided, missing {Missing}; answered 412 after {ElapsedMs:0} ms")]
    private partial void LogUndecided(string serviceId, string hookInstance, string missing, double elapsedMs);
}
