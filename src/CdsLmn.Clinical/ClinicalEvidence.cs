using Hl7.Fhir.Model;

namespace CdsLmn.Clinical;

/// <summary>
/// Everything the advisor may look at for one hook call, already parsed into FHIR R4 POCOs.
/// An empty list means "we looked and there is none"; a kind listed in <see cref="Unavailable"/>
/// means "we could not find out" (failed or impossible query) and must never be read as "none".
/// </summary>
public sealed record ClinicalEvidence
{
    /// <summary>The draft orders the hook is about: the selected ones on order-select, all on order-sign.</summary>
    public required IReadOnlyList<MedicationRequest> OrdersInScope { get; init; }

    /// <summary>Medications that a <c>medicationReference</c> may point to: entries of draftOrders and reads from the FHIR server.</summary>
    public IReadOnlyList<Medication> Medications { get; init; } = [];

    public Patient? Patient { get; init; }

    public IReadOnlyList<Condition> Conditions { get; init; } = [];

    /// <summary>Nerve conduction, anti-GM1 and CK results (and anything else the EHR sent: the advisor filters by code).</summary>
    public IReadOnlyList<Observation> Observations { get; init; } = [];

    public IReadOnlyList<DiagnosticReport> DiagnosticReports { get; init; } = [];

    /// <summary>Orders for tests (NCS, anti-GM1) that may be pending.</summary>
    public IReadOnlyList<ServiceRequest> ServiceRequests { get; init; } = [];

    /// <summary>Recent IVIg administrations and non-draft medication requests, for the continuation row.</summary>
    public IReadOnlyList<MedicationAdministration> MedicationAdministrations { get; init; } = [];

    public IReadOnlyList<MedicationRequest> MedicationHistory { get; init; } = [];

    /// <summary>Kinds of evidence that could not be obtained.</summary>
    public IReadOnlySet<EvidenceKind> Unavailable { get; init; } = new HashSet<EvidenceKind>();
}
