using CdsLmn.Clinical.Advising;
using CdsLmn.Clinical;
using CdsLmn.Clinical.Fhir;
using CdsLmn.Service.Evidence;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Onboarding;

/// <summary>
/// Asks the advisor what it would say if an IVIg order were signed for the patient now: a synthetic draft
/// MedicationRequest (RxNorm 1426680, intravenous) with no reasonCode, so the patient's own Conditions decide
/// whether the LMN context applies, evaluated on what the nine prefetch queries returned.
/// </summary>
internal static class DryRunOrder
{
    public const string OrderId = "check-fhir-dry-run";

    public const string Note = "synthetic draft IVIg order (RxNorm 1426680) without reasonCode: the patient's own Conditions decide";

    public static MedicationRequest For(string patientId, DateTimeOffset now) => new()
    {
        Id = OrderId,
        Status = MedicationRequest.MedicationrequestStatus.Draft,
        Intent = MedicationRequest.MedicationRequestIntent.Order,
        Subject = new ResourceReference($"Patient/{patientId}"),
        AuthoredOnElement = new FhirDateTime(now),
        Medication = new CodeableConcept(FhirSystems.RxNorm, "1426680", "immune globulin, intravenous"),
    };

    public static DryRunDecision Decide(IvigAdvisor advisor, string patientId, IReadOnlyDictionary<string, EvidenceResult> results,
        IReadOnlyList<Medication> medications, DateTimeOffset now)
    {
        // The same hand-over to the advisor as a hook call's: failed or unfinished keys unavailable, history from medicationRequests.
        var evidence = new GatheredEvidence
        {
            OrdersInScope = [For(patientId, now)],
            Medications = medications,
            Keys = [.. results.Keys],
            Results = results,
        }.ToClinicalEvidence();

        var assessment = advisor.Assess(evidence, OrderStage.Signing, now);
        if (!assessment.IsDecided)
        {
            var missing = string.Join(", ", assessment.Missing.Order());
            return new DryRunDecision("none", null, null, [], $"could not decide: evidence missing ({missing})", Note);
        }
        if (assessment.Advice is [])
        {
            return new DryRunDecision("none", null, null, [], null, Note);
        }
        var advice = assessment.Advice[0];
        return new DryRunDecision(advice.Indicator == AdviceIndicator.Warning ? "warning" : "info",
            advice.Trace.Row, advice.Summary, advice.Trace.Evidence, null, Note);
    }
}
