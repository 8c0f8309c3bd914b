namespace CdsLmn.Clinical;

/// <summary>A reason a clinician may pick when overriding, coded in <see cref="CdsLmnCodes.OverrideReasonSystem"/>.</summary>
public sealed record OverrideOption(string Code, string Display);
