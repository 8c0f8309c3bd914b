namespace CdsLmn.Clinical;

/// <summary>
/// The advisor's answer for one hook call: the advice to show (possibly none), or the evidence it
/// needed and could not get. When <see cref="Missing"/> is not empty, <see cref="Advice"/> is empty
/// and the caller must not guess (the service answers 412).
/// </summary>
public sealed record Assessment(IReadOnlyList<Advice> Advice, IReadOnlySet<EvidenceKind> Missing)
{
    public static Assessment Silent { get; } = new([], new HashSet<EvidenceKind>());

    public bool IsDecided => Missing.Count == 0;
}
