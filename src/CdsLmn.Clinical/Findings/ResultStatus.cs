namespace CdsLmn.Clinical.Findings;

/// <summary>How a result resource's status counts (docs/fhir-inputs.md §3: final/amended/corrected count; entered-in-error and cancelled never).</summary>
internal enum ResultStatus
{
    Usable,
    Pending,
    Ignored,
}
