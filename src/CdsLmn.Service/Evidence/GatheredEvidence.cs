using CdsLmn.Clinical;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// The evidence for one hook call so far: the draft orders, one result per prefetch key, and the Medications
/// that references point to. <see cref="ToClinicalEvidence"/> hands it to the advisor, with every failed or
/// unfetched key marked unavailable.
/// </summary>
public sealed record GatheredEvidence
{
    public required IReadOnlyList<MedicationRequest> OrdersInScope { get; init; }

    /// <summary>Why an entry of draftOrders could not be read; the request is then refused (400).</summary>
    public string? UnreadableDraftOrder { get; init; }

    /// <summary>Medications from draftOrders and from reads.</summary>
    public required IReadOnlyList<Medication> Medications { get; init; }

    /// <summary>The prefetch keys this service registered (and so the evidence it expects).</summary>
    public required IReadOnlyList<string> Keys { get; init; }

    /// <summary>Prefetch key → what we have for it; a key that is absent here was neither prefetched nor fetched.</summary>
    public required IReadOnlyDictionary<string, EvidenceResult> Results { get; init; }

    /// <summary>Medication references we could not resolve, with why.</summary>
    public IReadOnlyDictionary<string, string> UnresolvedMedications { get; init; } = new Dictionary<string, string>();

    /// <summary>Why <paramref name="key"/> has no usable result; null when it has one.</summary>
    public string? Problem(string key) => Results.TryGetValue(key, out var r) ? r.Failure : "not prefetched and not fetched";

    /// <summary>Every resource we read, as <c>Type/id</c> (for the audit trail).</summary>
    public IReadOnlyList<string> ResourcesRead =>
        Results.Values.SelectMany(r => r.Resources).Concat(Medications).Select(r => $"{r.TypeName}/{r.Id}").Distinct().ToList();

    public ClinicalEvidence ToClinicalEvidence()
    {
        var resources = Results.Values.Where(r => !r.Failed).SelectMany(r => r.Resources).DistinctBy(r => (r.TypeName, r.Id ?? Guid.NewGuid().ToString())).ToList();
        var unavailable = Keys
            .Where(key => !Results.TryGetValue(key, out var r) || r.Failed || r.NextPage is not null)
            .Select(key => PrefetchKeys.Kinds[key])
            .ToHashSet();
        if (UnresolvedMedications.Count > 0)
        {
            unavailable.Add(EvidenceKind.Medication);
        }

        return new ClinicalEvidence
        {
            OrdersInScope = OrdersInScope,
            Medications = Medications,
            Patient = resources.OfType<Patient>().FirstOrDefault(),
            Conditions = resources.OfType<Condition>().ToList(),
            Observations = resources.OfType<Observation>().ToList(),
            DiagnosticReports = resources.OfType<DiagnosticReport>().ToList(),
            ServiceRequests = resources.OfType<ServiceRequest>().ToList(),
            MedicationAdministrations = resources.OfType<MedicationAdministration>().ToList(),
            MedicationHistory = Results.TryGetValue("medicationRequests", out var history) ? history.Resources.OfType<MedicationRequest>().ToList() : [],
            Unavailable = unavailable,
        };
    }
}
