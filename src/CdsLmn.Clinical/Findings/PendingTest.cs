namespace CdsLmn.Clinical.Findings;

/// <summary>A test still to come: a preliminary result or an open order. <see cref="Date"/> may be unknown.</summary>
internal sealed record PendingTest(DateTimeOffset? Date, string Id);
