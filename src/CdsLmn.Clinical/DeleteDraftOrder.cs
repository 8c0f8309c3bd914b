namespace CdsLmn.Clinical;

/// <summary>Delete a draft order named by relative reference (<c>MedicationRequest/id</c>).</summary>
public sealed record DeleteDraftOrder(string Label, string Description, string ResourceId) : SuggestedChange(Label, Description);
