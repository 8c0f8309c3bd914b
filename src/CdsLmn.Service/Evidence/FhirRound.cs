namespace CdsLmn.Service.Evidence;

/// <summary>What one hook request's round of FHIR calls produced, and whether the server was at fault in any of them.</summary>
internal sealed record FhirRound(GatheredEvidence Evidence, bool ServerFault);
