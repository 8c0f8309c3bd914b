using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Stewardship.Sqlite;

/// <summary>
/// The embedded store: one SQLite file in WAL mode, created (directory included) and migrated on first use.
/// Every connection runs with <c>synchronous=FULL</c>, so a commit is on disk when it returns.
/// </summary>
internal sealed class SqliteStore : ILedgerDatabase
{
    private readonly string _connectionString;
    private readonly string? _configuredSalt;
    private readonly Lazy<byte[]> _salt;

    public SqliteStore(IOptions<StorageOptions> options, IHostEnvironment environment)
    {
        FilePath = Path.GetFullPath(options.Value.SqlitePath, environment.ContentRootPath);
        _configuredSalt = options.Value.PatientIdSalt;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = 30,
        }.ToString();
        _salt = new Lazy<byte[]>(Initialize, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The absolute path of the SQLite file.</summary>
    public string FilePath { get; }

    string ILedgerDatabase.AcceptedSuggestionIds => "json_each(f.accepted_suggestions) AS j";

    /// <summary>Creates and migrates the store now rather than on first use (start-up fails early on a bad path).</summary>
    public void EnsureInitialized() => _ = _salt.Value;

    /// <summary>An open connection to the initialized store.</summary>
    public SqliteConnection Open()
    {
        EnsureInitialized();
        return OpenRaw();
    }

    /// <summary>Salted HMAC-SHA256 of a patient id, lower-case hex: the only form in which a patient appears in the store.</summary>
    public string HashPatientId(string patientId) => PatientIdSalt.Hash(_salt.Value, patientId);

    Task ILedgerDatabase.InitializeAsync(CancellationToken cancellationToken)
    {
        EnsureInitialized();
        return Task.CompletedTask;
    }

    // Microsoft.Data.Sqlite does its I/O synchronously either way.
    Task<DbConnection> ILedgerDatabase.OpenAsync(CancellationToken cancellationToken) => Task.FromResult<DbConnection>(Open());

    // A local file does not come back by waiting: every failure is reported, none retried.
    bool ILedgerDatabase.IsUnavailable(Exception exception) => false;

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        pragmas.CommandText = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private byte[] Initialize()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        using var connection = OpenRaw();
        using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            wal.ExecuteNonQuery();
        }
        SqliteSchema.Migrate(connection);
        // Synchronous underneath (see OpenAsync), so waiting here blocks nothing else.
        return PatientIdSalt.ResolveAsync(_configuredSalt, connection, CancellationToken.None).GetAwaiter().GetResult();
    }
}
