namespace CdsLmn.Clinical.Findings;

/// <summary>The reading of a qualitative result coded with SNOMED qualifier values.</summary>
internal enum QualifierValue
{
    Positive,
    Negative,
    Equivocal,
}
