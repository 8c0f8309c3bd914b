using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Tests.Builders;

/// <summary>Ready-made evidence: an adult with a progressive LMN syndrome (G12.25) and a draft IVIg order; add results with <c>with</c>.</summary>
internal static class Scenario
{
    public static ClinicalEvidence Lmn(params Resource[] results) => new()
    {
        OrdersInScope = [Fhir.IvigOrder()],
        Patient = Fhir.Patient(),
        Observations = results.OfType<Observation>().ToList(),
        DiagnosticReports = results.OfType<DiagnosticReport>().ToList(),
        ServiceRequests = results.OfType<ServiceRequest>().ToList(),
        MedicationAdministrations = results.OfType<MedicationAdministration>().ToList(),
    };

    public static Observation NoCb => Fhir.CbFinding("ncs-1", Fhir.Negative, daysAgo: 60, protocol: "extended");
    public static Observation Cb => Fhir.CbFinding("ncs-1", Fhir.Positive, daysAgo: 60, protocol: "extended", grade: "definite");
    public static Observation EquivocalCb => Fhir.CbFinding("ncs-1", Fhir.Equivocal, daysAgo: 60);
    public static Observation Gm1Negative => Fhir.Gm1("gm1-1", Fhir.Index(12), daysAgo: 57, refHigh: 29);
    public static Observation Gm1High => Fhir.Gm1("gm1-1", Fhir.Index(150), daysAgo: 57, refHigh: 29);
    public static Observation Gm1Borderline => Fhir.Gm1("gm1-1", Fhir.Index(40), daysAgo: 57);
    public static Observation CkHigh => Fhir.Ck("ck-1", 450, daysAgo: 55, refLow: 39, refHigh: 308);
    public static Observation CkNormal => Fhir.Ck("ck-1", 120, daysAgo: 55, refLow: 39, refHigh: 308);

    public static Assessment Assess(ClinicalEvidence evidence, HookKind hook = HookKind.OrderSelect, ClinicalOptions? options = null) =>
        new IvigAdvisor(options ?? new ClinicalOptions()).Assess(evidence, hook, Fhir.Now);
}
