namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>The clinician's reason for overriding a card.</summary>
internal sealed record OverrideReason
{
    /// <summary>CONDITIONAL. Present when the clinician picked one of the card's <c>overrideReasons</c>; display may be missing.</summary>
    public CdsCoding? Reason { get; init; }

    /// <summary>OPTIONAL. Free text from the clinician.</summary>
    public string? UserComment { get; init; }
}
