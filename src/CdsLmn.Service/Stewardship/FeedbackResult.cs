namespace CdsLmn.Service.Stewardship;

/// <summary>
/// What a feedback write did: entries read, entries new to the store, entries about cards the store never issued
/// (stored, marked unknown), and entries about cards another service issued (not stored).
/// </summary>
internal sealed record FeedbackResult(int Received, int Stored, int UnknownCards, int ForeignCards);
