using CdsLmn.Clinical;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>Sorts a patient's resources into the advisor's <see cref="ClinicalEvidence"/> (check-fhir's dry run, the report's sample card).</summary>
internal static class ClinicalEvidenceFrom
{
    public static ClinicalEvidence Resources(IReadOnlyList<MedicationRequest> orders, IReadOnlyList<Resource> resources,
        IReadOnlyList<MedicationRequest>? history = null, IReadOnlyList<Medication>? medications = null, IReadOnlySet<EvidenceKind>? unavailable = null) => new()
    {
        OrdersInScope = orders,
        Medications = medications ?? [],
        Patient = resources.OfType<Patient>().FirstOrDefault(),
        Conditions = resources.OfType<Condition>().ToList(),
        Observations = resources.OfType<Observation>().ToList(),
        DiagnosticReports = resources.OfType<DiagnosticReport>().ToList(),
        ServiceRequests = resources.OfType<ServiceRequest>().ToList(),
        MedicationAdministrations = resources.OfType<MedicationAdministration>().ToList(),
        MedicationHistory = history ?? [],
        Unavailable = unavailable ?? new HashSet<EvidenceKind>(),
    };
}
