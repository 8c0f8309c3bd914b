namespace CdsLmn.Clinical;

/// <summary>A change the clinician can accept with one click.</summary>
public abstract record SuggestedChange(string Label, string Description);
