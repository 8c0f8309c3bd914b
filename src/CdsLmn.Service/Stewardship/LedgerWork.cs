namespace CdsLmn.Service.Stewardship;

/// <summary>An issued card waiting for the writer, or a flush marker the writer completes once everything before it is committed.</summary>
internal readonly record struct LedgerWork(IssuedCard? Card, TaskCompletionSource? Flushed);
