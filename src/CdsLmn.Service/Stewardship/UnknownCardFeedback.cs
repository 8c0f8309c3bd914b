namespace CdsLmn.Service.Stewardship;

internal sealed record UnknownCardFeedback(string ServiceId, int Entries);
