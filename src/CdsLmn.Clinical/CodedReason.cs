using Hl7.Fhir.Model;

namespace CdsLmn.Clinical;

/// <summary>A coded reason or diagnosis; <see cref="Confirmed"/> is false for a differential, provisional or refuted Condition.</summary>
internal sealed record CodedReason(CodeableConcept Concept, string? Id, bool Confirmed);
