namespace CdsLmn.Service.Stewardship;

/// <summary>
/// The store's salted HMAC-SHA256 of a patient id, for anything outside the store that must name a patient (the
/// audit log): the same value as <c>issued_card.patient_hash</c>, so the two can be joined without the raw id.
/// </summary>
internal interface IPatientIdHasher
{
    /// <summary>The hash, or null while the salt is not loaded yet (a shared database not reached since start).</summary>
    string? TryHash(string patientId);
}
