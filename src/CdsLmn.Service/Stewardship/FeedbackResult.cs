namespace CdsLmn.Service.Stewardship;

/// <summary>
/// What a feedback write did: entries read, entries new to the store (feedback on a card the store never issued is
/// stored too, marked unknown), and entries about cards another service issued (not stored).
/// </summary>
internal sealed record FeedbackResult(int Received, int Stored, int ForeignCards);
