namespace CdsLmn.Service.Onboarding;

/// <summary>What <c>check-fhir</c> found for one patient.</summary>
internal sealed record PatientCheck
{
    public required string Patient { get; init; }

    /// <summary>The nine prefetch queries, then the broad searches that look for unrecognised codes.</summary>
    public required IReadOnlyList<QueryCheck> Queries { get; init; }

    public required IReadOnlyList<UnrecognisedCandidate> Unrecognised { get; init; }

    public required DryRunDecision DryRun { get; init; }

    public bool AllQueriesSucceeded => Queries.All(q => q.Error is null);
}
