namespace CdsLmn.Service.Stewardship;

public sealed record UnknownCardFeedback(string ServiceId, int Entries);
