namespace CdsLmn.Service.Stewardship;

internal sealed record LabelCount(string Label, int Count);
