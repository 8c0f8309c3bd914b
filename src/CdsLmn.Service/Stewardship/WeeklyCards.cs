namespace CdsLmn.Service.Stewardship;

internal sealed record WeeklyCards(DateOnly WeekStart, string Mode, string Indicator, int Cards);
