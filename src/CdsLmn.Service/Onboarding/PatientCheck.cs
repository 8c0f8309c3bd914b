namespace CdsLmn.Service.Onboarding;

/// <summary>What <c>check-fhir</c> found for one patient.</summary>
public sealed record PatientCheck
{
    public required string Patient { get; init; }

    /// <summary>The nine prefetch queries, then the broad searches that look for unrecognised codes.</summary>
    public required IReadOnlyList<QueryCheck> Queries { get; init; }

    public required IReadOnlyList<UnrecognisedCandidate> Unrecognised { get; init; }

    public required DryRunDecision DryRun { get; init; }

    public bool AllQueriesSucceeded => Queries.All(q => q.Error is null);
}

/// <summary>One FHIR query: <see cref="Status"/> is <c>ok</c> or why it failed (e.g. <c>the FHIR server answered 500</c>).</summary>
public sealed record QueryCheck(string Key, string Query, string Status, int Count, long ElapsedMs, bool Prefetch)
{
    public string? Error => Status == Ok ? null : Status;

    public const string Ok = "ok";
}

/// <summary>
/// A result the service does not read because of its code, although its text looks like one it needs; with the
/// configuration key to add the code to and the prefetch template to extend.
/// </summary>
public sealed record UnrecognisedCandidate(
    string Resource, string Code, string Display, string LooksLike, string ConfigurationKey, string PrefetchTemplate);

/// <summary>
/// The advisor's answer for a synthetic draft IVIg order placed now: <see cref="Indicator"/> is <c>warning</c>,
/// <c>info</c> or <c>none</c>; <see cref="Undecided"/> says why no decision could be made.
/// </summary>
public sealed record DryRunDecision(string Indicator, int? Row, string? Summary, IReadOnlyList<string> Evidence, string? Undecided, string Note);
