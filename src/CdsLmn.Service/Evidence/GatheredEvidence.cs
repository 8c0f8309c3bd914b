using CdsLmn.Clinical;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// The evidence for one hook call so far: the draft orders, one result per prefetch key, and the Medications
/// that references point to. <see cref="ToClinicalEvidence"/> hands it to the advisor, with every failed or
/// unfetched key marked unavailable.
/// </summary>
internal sealed record GatheredEvidence
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
    public IReadOnlyList<string> ResourcesRead
    {
        get
        {
            var read = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var result in Results.Values)
            {
                foreach (var resource in result.Resources)
                {
                    Add(resource);
                }
            }
            foreach (var medication in Medications)
            {
                Add(medication);
            }
            return read;

            void Add(Resource resource)
            {
                var reference = $"{resource.TypeName}/{resource.Id}";
                if (seen.Add(reference))
                {
                    read.Add(reference);
                }
            }
        }
    }

    /// <summary>The evidence as the advisor reads it: one list per resource type (a resource read twice counts once), and every failed or unfetched key marked unavailable.</summary>
    public ClinicalEvidence ToClinicalEvidence()
    {
        var sorted = new SortedResources();
        foreach (var result in Results.Values)
        {
            if (!result.Failed)
            {
                foreach (var resource in result.Resources)
                {
                    sorted.Add(resource);
                }
            }
        }

        var unavailable = new HashSet<EvidenceKind>();
        foreach (var key in Keys)
        {
            if (!Results.TryGetValue(key, out var r) || r.Failed || r.NextPage is not null)
            {
                unavailable.Add(PrefetchKeys.Kinds[key]);
            }
        }
        if (UnresolvedMedications.Count > 0)
        {
            unavailable.Add(EvidenceKind.Medication);
        }

        var history = new List<MedicationRequest>();
        if (Results.TryGetValue("medicationRequests", out var requests))
        {
            foreach (var resource in requests.Resources)
            {
                if (resource is MedicationRequest request)
                {
                    history.Add(request);
                }
            }
        }

        return sorted.ToClinicalEvidence(OrdersInScope, Medications, history, unavailable);
    }
}
