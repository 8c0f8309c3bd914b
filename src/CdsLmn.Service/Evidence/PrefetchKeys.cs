using System.Collections.Frozen;
using CdsLmn.Clinical;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// The prefetch keys of cds-services.json and the evidence each one carries. The templates themselves are the
/// queries we run when a key is missing, so prefetch and fallback can never disagree.
/// </summary>
internal static class PrefetchKeys
{
    public static FrozenDictionary<string, EvidenceKind> Kinds { get; } = new Dictionary<string, EvidenceKind>(StringComparer.Ordinal)
    {
        ["patient"] = EvidenceKind.Patient,
        ["conditions"] = EvidenceKind.Conditions,
        ["ncsObservations"] = EvidenceKind.NerveConduction,
        ["ncsReports"] = EvidenceKind.NerveConduction,
        ["antiGm1IgM"] = EvidenceKind.AntiGm1IgM,
        ["creatineKinase"] = EvidenceKind.CreatineKinase,
        ["ivigAdministrations"] = EvidenceKind.OngoingIvig,
        ["medicationRequests"] = EvidenceKind.OngoingIvig,
        ["pendingTests"] = EvidenceKind.PendingTests,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Fills a template's tokens (docs/cds-hooks-spec.md §3.3) from the hook context.</summary>
    public static string Fill(string template, string patientId, string userId, string? encounterId) => template
        .Replace("{{context.patientId}}", Uri.EscapeDataString(patientId), StringComparison.Ordinal)
        .Replace("{{context.userId}}", userId, StringComparison.Ordinal)
        .Replace("{{context.encounterId}}", Uri.EscapeDataString(encounterId ?? ""), StringComparison.Ordinal);
}
