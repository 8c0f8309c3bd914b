namespace CdsLmn.Clinical;

/// <summary>The outcome of recognition, with the product text to show and the reason (for the trace and tests).</summary>
internal sealed record IvigRecognition(IvigKind Kind, string? ProductText, string Reason);
