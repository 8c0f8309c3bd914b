namespace CdsLmn.Clinical;

/// <summary>Where the clinician is in ordering: the advice is the same, the card's wording differs slightly (a signing clinician is told how to override).</summary>
public enum OrderStage
{
    /// <summary>The order has just been chosen.</summary>
    Selecting,

    /// <summary>The order is about to be signed.</summary>
    Signing,
}
