namespace CdsLmn.Service.Stewardship;

/// <summary>Hashes with the ledger database's salt.</summary>
internal sealed class LedgerPatientIdHasher(ILedgerDatabase database) : IPatientIdHasher
{
    public string? TryHash(string patientId)
    {
        try
        {
            return database.HashPatientId(patientId);
        }
        catch (InvalidOperationException)
        {
            return null; // PostgresStore before its first successful connection
        }
    }
}
