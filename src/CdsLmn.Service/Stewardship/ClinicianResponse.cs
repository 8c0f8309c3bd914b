namespace CdsLmn.Service.Stewardship;

/// <summary>What the clinician did with a card, as the ledger records it (<c>accepted</c> or <c>overridden</c>).</summary>
internal enum ClinicianResponse
{
    Accepted,
    Overridden,
}
