namespace CdsLmn.Service.Stewardship;

/// <summary>The coded reason a clinician gave for overriding a card, as the ledger keeps it.</summary>
internal sealed record OverrideReasonCode(string System, string Code, string? Display);
