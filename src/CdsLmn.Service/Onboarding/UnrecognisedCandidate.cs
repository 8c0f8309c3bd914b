namespace CdsLmn.Service.Onboarding;

/// <summary>
/// A result the service does not read because of its code, although its text looks like one it needs; with the
/// configuration key to add the code to and the prefetch template to extend.
/// </summary>
internal sealed record UnrecognisedCandidate(
    string Resource, string Code, string Display, string LooksLike, string ConfigurationKey, string PrefetchTemplate);
