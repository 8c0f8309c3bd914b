namespace CdsLmn.Clinical.Findings;

/// <summary>
/// What a nerve conduction report's conclusion says about conduction block (docs/fhir-inputs.md §3, tier 3): the state,
/// the sentence it rests on (trimmed, at most <see cref="ReportTextOptions.MaxQuoteLength"/> characters; null when the
/// text is silent) and a short reason for the card.
/// </summary>
internal sealed record ReportTextReading(ConductionBlockState State, string? Sentence, string Why);
