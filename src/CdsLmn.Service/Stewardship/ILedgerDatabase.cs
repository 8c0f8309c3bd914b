using System.Data.Common;

namespace CdsLmn.Service.Stewardship;

/// <summary>
/// The relational database behind the ledger: SQLite (embedded, one instance) or PostgreSQL (shared by replicas).
/// Both hold the same tables with the same column meanings, so the ledger, the writer, the report and the
/// retention purge run one SQL text on either; this is what differs between them.
/// Callers use the asynchronous ADO.NET calls throughout: they are truly asynchronous on PostgreSQL (Npgsql), while
/// Microsoft.Data.Sqlite runs them synchronously on the calling thread, so on SQLite every store call blocks on disk
/// before its task completes.
/// </summary>
internal interface ILedgerDatabase
{
    /// <summary>Creates or migrates the schema and loads the patient-id salt; does nothing once done.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>An open connection to the initialized database.</summary>
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Salted HMAC-SHA256 of a patient id: the only form in which a patient appears in the store.</summary>
    string HashPatientId(string patientId);

    /// <summary>SQL for the ids in the JSON array <c>f.accepted_suggestions</c>, as a table aliased <c>j</c> with a column <c>value</c>.</summary>
    string AcceptedSuggestionIds { get; }

    /// <summary>
    /// True when <paramref name="exception"/> means the database cannot be reached right now (it may come back):
    /// callers answer 503 and the writer retries; a shared database remembers the outage until a connection succeeds.
    /// Any other failure is a fault of the data or the disk.
    /// </summary>
    bool IsUnavailable(Exception exception);
}
