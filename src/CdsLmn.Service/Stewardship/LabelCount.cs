namespace CdsLmn.Service.Stewardship;

public sealed record LabelCount(string Label, int Count);
