using CdsLmn.Clinical.Advising;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Tests.Builders;

/// <summary>Ready-made evidence: an adult with a progressive LMN syndrome (G12.25) and a draft IVIg order; add results with <c>with</c>.</summary>
internal static class Scenario
{
    public static ClinicalEvidence Lmn(params Resource[] results) => new()
    {
        OrdersInScope = [Build.IvigOrder()],
        Patient = Build.Patient(),
        Observations = results.OfType<Observation>().ToList(),
        DiagnosticReports = results.OfType<DiagnosticReport>().ToList(),
        ServiceRequests = results.OfType<ServiceRequest>().ToList(),
        MedicationAdministrations = results.OfType<MedicationAdministration>().ToList(),
    };

    public static Observation NoCb => Build.CbFinding("ncs-1", Build.Negative, daysAgo: 60, protocol: "extended");
    public static Observation Cb => Build.CbFinding("ncs-1", Build.Positive, daysAgo: 60, protocol: "extended", grade: "definite");
    public static Observation EquivocalCb => Build.CbFinding("ncs-1", Build.Equivocal, daysAgo: 60);
    public static Observation Gm1Negative => Build.Gm1("gm1-1", Build.Index(12), daysAgo: 57, refHigh: 29);
    public static Observation Gm1High => Build.Gm1("gm1-1", Build.Index(150), daysAgo: 57, refHigh: 29);
    public static Observation Gm1Borderline => Build.Gm1("gm1-1", Build.Index(40), daysAgo: 57);
    public static Observation CkHigh => Build.Ck("ck-1", 450, daysAgo: 55, refLow: 39, refHigh: 308);
    public static Observation CkNormal => Build.Ck("ck-1", 120, daysAgo: 55, refLow: 39, refHigh: 308);

    public static Assessment Assess(ClinicalEvidence evidence, OrderStage stage = OrderStage.Selecting, ClinicalOptions? options = null) =>
        new IvigAdvisor(options ?? new ClinicalOptions()).Assess(evidence, stage, Build.Now);
}
