using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// What one prefetch key, or the query behind it, gave us: resources (possibly none), or a failure we must
/// not read as "none". <see cref="NextPage"/> is a <c>next</c> link still to follow.
/// </summary>
public sealed record EvidenceResult(IReadOnlyList<Resource> Resources, string? Failure, Uri? NextPage = null)
{
    public static EvidenceResult None { get; } = new([], null);

    public bool Failed => Failure is not null;

    public static EvidenceResult Of(IReadOnlyList<Resource> resources, Uri? nextPage = null) => new(resources, null, nextPage);

    public static EvidenceResult Fail(string reason) => new([], reason);
}
