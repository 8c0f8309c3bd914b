namespace CdsLmn.Clinical;

/// <summary>An absolute link to the evidence behind the advice.</summary>
public sealed record EvidenceLink(string Label, Uri Url);
