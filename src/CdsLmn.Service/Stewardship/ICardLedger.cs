namespace CdsLmn.Service.Stewardship;

/// <summary>
/// The audit trail of cards issued and the feedback about them. The embedded implementation is SQLite;
/// a shared store (PostgreSQL) for several replicas implements the same interface.
/// </summary>
internal interface ICardLedger
{
    /// <summary>
    /// Queues an issued card for the write-behind writer and returns at once (no I/O on the hook's path).
    /// Also counts the card in the <c>cdslmn.cards</c> metric, so callers should not count it again. When the
    /// queue is full the card is dropped, logged and counted in <c>cdslmn.ledger.dropped</c>.
    /// </summary>
    void RecordIssued(IssuedCard card);

    /// <summary>
    /// Stores feedback durably (committed) before returning; repeats are stored once. Throws
    /// <see cref="StoreUnavailableException"/>, having stored nothing, when a shared database cannot be reached.
    /// </summary>
    Task<FeedbackResult> RecordFeedbackAsync(IReadOnlyList<FeedbackEntry> entries, CancellationToken cancellationToken);

    /// <summary>Completes when every card recorded before the call is committed.</summary>
    Task FlushAsync(CancellationToken cancellationToken);
}
