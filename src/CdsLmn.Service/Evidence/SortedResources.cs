using CdsLmn.Clinical;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// Resources sorted into the lists <see cref="CdsLmn.Clinical.ClinicalEvidence"/> holds, in one pass. A resource that
/// two keys returned (same type and id) is kept once; resources without an id are all kept.
/// </summary>
internal sealed class SortedResources
{
    private readonly HashSet<(string Type, string Id)> _seen = [];

    public Patient? Patient { get; private set; }

    public List<Condition> Conditions { get; } = [];

    public List<Observation> Observations { get; } = [];

    public List<DiagnosticReport> DiagnosticReports { get; } = [];

    public List<ServiceRequest> ServiceRequests { get; } = [];

    public List<MedicationAdministration> MedicationAdministrations { get; } = [];

    public void Add(Resource resource)
    {
        if (resource.Id is { } id && !_seen.Add((resource.TypeName, id)))
        {
            return;
        }
        switch (resource)
        {
            case Patient patient:
                Patient ??= patient;
                break;
            case Condition condition:
                Conditions.Add(condition);
                break;
            case Observation observation:
                Observations.Add(observation);
                break;
            case DiagnosticReport report:
                DiagnosticReports.Add(report);
                break;
            case ServiceRequest request:
                ServiceRequests.Add(request);
                break;
            case MedicationAdministration administration:
                MedicationAdministrations.Add(administration);
                break;
        }
    }

    /// <summary>The advisor's view of the sorted resources, with the orders it is about and what could not be read.</summary>
    public ClinicalEvidence ToClinicalEvidence(IReadOnlyList<MedicationRequest> orders, IReadOnlyList<Medication> medications,
        IReadOnlyList<MedicationRequest> history, IReadOnlySet<EvidenceKind> unavailable) => new()
    {
        OrdersInScope = orders,
        Medications = medications,
        Patient = Patient,
        Conditions = Conditions,
        Observations = Observations,
        DiagnosticReports = DiagnosticReports,
        ServiceRequests = ServiceRequests,
        MedicationAdministrations = MedicationAdministrations,
        MedicationHistory = history,
        Unavailable = unavailable,
    };
}
