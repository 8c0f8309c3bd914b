using Hl7.Fhir.Model;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// What one prefetch key, or the query behind it, gave us: resources (possibly none), or a failure we must
/// not read as "none". <see cref="NextPage"/> is a <c>next</c> link still to follow. <see cref="ServerFault"/> marks a
/// failure that is the server's (5xx, timeout, network, a body that is not JSON), which the circuit breaker counts.
/// </summary>
internal sealed record EvidenceResult(IReadOnlyList<Resource> Resources, string? Failure, Uri? NextPage = null, bool ServerFault = false)
{
    public static EvidenceResult None { get; } = new([], null);

    public bool Failed => Failure is not null;

    public static EvidenceResult Of(IReadOnlyList<Resource> resources, Uri? nextPage = null) => new(resources, null, nextPage);

    public static EvidenceResult Fail(string reason) => new([], reason);

    public static EvidenceResult Fault(string reason) => new([], reason, ServerFault: true);
}
