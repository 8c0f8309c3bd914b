namespace CdsLmn.Clinical.Findings;

/// <summary>IVIg already being given: true, false, or unknown (a history entry whose medication could not be read).</summary>
internal sealed record OngoingIvigResult(bool? Ongoing, IReadOnlyList<string> EvidenceIds, DateTimeOffset? LastGiven, IReadOnlyList<DateTimeOffset> GivenOn);
