using CdsLmn.Clinical;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// The answer to "what must be read next to decide", once nothing more can be read: a decided
/// <see cref="Assessment"/> with the resources it rests on, an unreadable draft order (the client's error, 400), or
/// the evidence that is still missing and why (412).
/// </summary>
internal sealed record GatherResult
{
    public Assessment? Assessment { get; private init; }

    /// <summary>Every resource read for this call, as <c>Type/id</c> (for the audit trail).</summary>
    public IReadOnlyList<string> ResourcesRead { get; private init; } = [];

    /// <summary>Why an entry of draftOrders could not be read.</summary>
    public string? UnreadableDraftOrder { get; private init; }

    /// <summary>The evidence kinds the decision still needs (for the log).</summary>
    public IReadOnlySet<EvidenceKind> MissingKinds { get; private init; } = new HashSet<EvidenceKind>();

    /// <summary>The 412 diagnostics: each missing prefetch key (or Medication reference) once, with why.</summary>
    public string? MissingDescription { get; private init; }

    public static GatherResult Decided(Assessment assessment, IReadOnlyList<string> resourcesRead) =>
        new() { Assessment = assessment, ResourcesRead = resourcesRead };

    public static GatherResult Unreadable(string problem) => new() { UnreadableDraftOrder = problem };

    public static GatherResult Missing(IReadOnlySet<EvidenceKind> kinds, string description, IReadOnlyList<string> resourcesRead) =>
        new() { MissingKinds = kinds, MissingDescription = description, ResourcesRead = resourcesRead };
}
