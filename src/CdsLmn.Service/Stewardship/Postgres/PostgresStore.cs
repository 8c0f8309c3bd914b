using System.Data.Common;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CdsLmn.Service.Stewardship.Postgres;

/// <summary>
/// The shared store: one PostgreSQL database for every replica, migrated on first successful connection (at start,
/// or when the database first becomes reachable). Knows whether the database was reachable the last time it was
/// tried, so requests can be refused at once during an outage instead of each waiting for a connection.
/// </summary>
internal sealed partial class PostgresStore : ILedgerDatabase, IAsyncDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string? _configuredSalt;
    private readonly SemaphoreSlim _initializing = new(1, 1);
    private readonly ILogger<PostgresStore> _logger;
    private byte[]? _salt;
    private volatile bool _reachable = true;

    public PostgresStore(IOptions<StorageOptions> options, ILogger<PostgresStore> logger)
    {
        _dataSource = NpgsqlDataSource.Create(options.Value.ConnectionString!);
        _configuredSalt = options.Value.PatientIdSalt;
        _logger = logger;
    }

    /// <summary>False from a failed connection until one succeeds again (the maintenance loop probes while it is false).</summary>
    public bool IsReachable => _reachable;

    /// <summary>True once the schema is migrated and the salt loaded.</summary>
    public bool IsInitialized => Volatile.Read(ref _salt) is not null;

    public string AcceptedSuggestionIds => "LATERAL jsonb_array_elements_text(f.accepted_suggestions::jsonb) AS j(value)";

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (IsInitialized)
        {
            return;
        }
        await _initializing.WaitAsync(cancellationToken);
        try
        {
            if (IsInitialized)
            {
                return;
            }
            await using var connection = await ConnectAsync(cancellationToken);
            await PostgresSchema.MigrateAsync(connection, cancellationToken);
            Volatile.Write(ref _salt, await PatientIdSalt.ResolveAsync(_configuredSalt, connection, cancellationToken));
        }
        finally
        {
            _initializing.Release();
        }
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await InitializeAsync(cancellationToken);
        return await ConnectAsync(cancellationToken);
    }

    /// <summary>Runs <c>SELECT 1</c> (after migrating if still needed); callers pass a failure to <see cref="IsUnavailable"/>.</summary>
    public async Task ProbeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT 1;");
        await command.ExecuteScalarAsync(cancellationToken);
    }

    public string HashPatientId(string patientId) =>
        PatientIdSalt.Hash(Volatile.Read(ref _salt) ?? throw new InvalidOperationException("The store is not initialized."), patientId);

    /// <summary>
    /// An outage — refused or broken connections, timeouts, the server shutting down — as opposed to a server error
    /// about the data (a constraint, bad SQL). An outage is remembered: <see cref="IsReachable"/> turns false until a
    /// connection succeeds again.
    /// </summary>
    public bool IsUnavailable(Exception exception)
    {
        var outage = exception is NpgsqlException npgsql && (npgsql is not PostgresException || npgsql.IsTransient)
            || exception is TimeoutException or System.Net.Sockets.SocketException or StoreUnavailableException;
        if (outage)
        {
            MarkUnreachable(exception);
        }
        return outage;
    }

    public async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        _initializing.Dispose();
    }

    private async Task<NpgsqlConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
            if (!_reachable)
            {
                _reachable = true;
                LogReachable();
            }
            return connection;
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw; // the filter has recorded the outage
        }
    }

    private void MarkUnreachable(Exception e)
    {
        if (_reachable)
        {
            _reachable = false;
            // Pooled connections to the old server are dead; do not hand them out when it comes back.
            _dataSource.Clear();
            LogUnreachable(e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The audit database cannot be reached ({Reason}); hook calls that need it and feedback answer 503 until it is back")]
    private partial void LogUnreachable(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "The audit database is reachable again")]
    private partial void LogReachable();
}
