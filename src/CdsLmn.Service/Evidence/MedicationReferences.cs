using CdsLmn.Clinical;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// The <c>Medication/{id}</c> references orders and order history name, which must be read before the advisor can
/// tell IVIg from anything else; shared by the hook's gathering flow and check-fhir's dry run so both decide alike.
/// </summary>
internal static class MedicationReferences
{
    private const string Prefix = "Medication/";

    /// <summary>References in the order history (MedicationRequests, MedicationAdministrations) no known Medication satisfies, the first <paramref name="max"/>.</summary>
    public static List<string> InHistory(IReadOnlyDictionary<string, EvidenceResult> results, IReadOnlyCollection<Medication> known, int max)
    {
        var history = results.Values.Where(r => !r.Failed).SelectMany(r => r.Resources).ToList();
        var medications = history.OfType<MedicationRequest>().Select(r => r.Medication)
            .Concat(history.OfType<MedicationAdministration>().Select(a => a.Medication));
        return [.. Unresolved(medications, known).Take(max)];
    }

    /// <summary><c>Medication/{id}</c> references that no known Medication satisfies (contained ones start with '#').</summary>
    public static List<string> Unresolved(IEnumerable<DataType?> medications, IReadOnlyCollection<Medication> known)
    {
        var unresolved = new List<string>();
        foreach (var medication in medications)
        {
            if (medication is ResourceReference { Reference: { } reference }
                && reference.StartsWith(Prefix, StringComparison.Ordinal)
                && !IsKnown(reference.AsSpan(Prefix.Length), known)
                && !unresolved.Contains(reference, StringComparer.Ordinal))
            {
                unresolved.Add(reference);
            }
        }
        return unresolved;
    }

    /// <summary>
    /// A medication of the order history could not be read: whether IVIg is ongoing cannot be told, so every key that
    /// answers it counts as failed.
    /// </summary>
    public static void MarkHistoryUnreadable(IDictionary<string, EvidenceResult> results)
    {
        foreach (var key in PrefetchKeys.Kinds.Where(k => k.Value == EvidenceKind.OngoingIvig).Select(k => k.Key))
        {
            results[key] = EvidenceResult.Fail("a medication in the order history could not be read");
        }
    }

    private static bool IsKnown(ReadOnlySpan<char> id, IReadOnlyCollection<Medication> known)
    {
        foreach (var medication in known)
        {
            if (medication.Id is { } knownId && id.SequenceEqual(knownId))
            {
                return true;
            }
        }
        return false;
    }
}
