namespace CdsLmn.Clinical;

/// <summary>The indication verdict for one order, with the coded reason to name in the card.</summary>
internal sealed record IndicationResult(
    IndicationKind Kind,
    bool LmnAlsoCoded,
    string? Display,
    string? Code,
    bool FromOrder,
    IReadOnlyList<string> EvidenceIds)
{
    /// <summary>The LMN context is ALS (docs/fhir-inputs.md §6b): the card says IVIg has no role in ALS.</summary>
    public bool IsAls { get; init; }
}
