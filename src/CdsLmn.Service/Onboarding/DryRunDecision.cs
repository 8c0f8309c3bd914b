namespace CdsLmn.Service.Onboarding;

/// <summary>
/// The advisor's answer for a synthetic draft IVIg order placed now: <see cref="Indicator"/> is <c>warning</c>,
/// <c>info</c> or <c>none</c>; <see cref="Undecided"/> says why no decision could be made.
/// </summary>
internal sealed record DryRunDecision(string Indicator, int? Row, string? Summary, IReadOnlyList<string> Evidence, string? Undecided, string Note);
