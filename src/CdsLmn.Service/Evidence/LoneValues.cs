namespace CdsLmn.Service.Evidence;

/// <summary>What <see cref="FhirJsonRepair.FindLoneValues"/> found.</summary>
internal enum LoneValues
{
    None,

    /// <summary>Data elements only (category, reasonCode, coding …): wrapping them is the whole repair.</summary>
    Data,

    /// <summary>A lone resource where a list of resources belongs (<c>contained</c>): Firely throws on it unrepaired.</summary>
    Resource,
}
