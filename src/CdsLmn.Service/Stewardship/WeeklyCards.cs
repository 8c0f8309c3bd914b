namespace CdsLmn.Service.Stewardship;

public sealed record WeeklyCards(DateOnly WeekStart, string Mode, string Indicator, int Cards);
