using CdsLmn.Clinical;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// Words the 412 for evidence the decision needs but could not be obtained: each missing prefetch key and each
/// unresolved Medication reference is named once, and keys that share a reason share one sentence
/// ("ncsObservations, ncsReports (not prefetched, and the request has no fhirServer)").
/// </summary>
internal static class MissingEvidence
{
    public static string Describe(IReadOnlySet<EvidenceKind> missing, GatheredEvidence evidence)
    {
        var byReason = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var key in evidence.Keys)
        {
            if (missing.Contains(PrefetchKeys.Kinds[key]) && evidence.Problem(key) is { } reason)
            {
                Add(byReason, reason, key);
            }
        }
        if (missing.Contains(EvidenceKind.Medication))
        {
            foreach (var (reference, reason) in evidence.UnresolvedMedications)
            {
                Add(byReason, reason, reference);
            }
        }
        var named = byReason.Count > 0
            ? string.Join("; ", byReason.Select(group => $"{string.Join(", ", group.Value)} ({group.Key})"))
            : string.Join(", ", missing);
        return $"Required FHIR data could not be obtained, so no advice was given: {named}.";
    }

    private static void Add(Dictionary<string, List<string>> byReason, string reason, string name)
    {
        if (!byReason.TryGetValue(reason, out var names))
        {
            byReason[reason] = names = [];
        }
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            names.Add(name);
        }
    }
}
