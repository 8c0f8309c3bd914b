namespace CdsLmn.Service.CdsHooks;

/// <summary>A service this deployment offers, as listed in discovery, with its prefetch templates (key → template).</summary>
internal sealed record CdsService(string Id, string Hook, IReadOnlyDictionary<string, string> Prefetch);
