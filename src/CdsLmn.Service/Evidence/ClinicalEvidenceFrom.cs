using CdsLmn.Clinical;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>Sorts a patient's resources into the advisor's <see cref="ClinicalEvidence"/> (check-fhir's dry run, the report's sample card).</summary>
internal static class ClinicalEvidenceFrom
{
    public static ClinicalEvidence Resources(IReadOnlyList<MedicationRequest> orders, IReadOnlyList<Resource> resources,
        IReadOnlyList<MedicationRequest>? history = null, IReadOnlyList<Medication>? medications = null, IReadOnlySet<EvidenceKind>? unavailable = null)
    {
        var sorted = new SortedResources();
        foreach (var resource in resources)
        {
            sorted.Add(resource);
        }

        return sorted.ToClinicalEvidence(orders, medications ?? [], history ?? [], unavailable ?? new HashSet<EvidenceKind>());
    }
}
