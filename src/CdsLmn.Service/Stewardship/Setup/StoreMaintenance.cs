using System.Data.Common;
using CdsLmn.Service.Stewardship.Postgres;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Stewardship.Setup;

/// <summary>
/// Background upkeep of the store: deletes issued cards and feedback older than <c>CdsLmn:Storage:RetentionDays</c>
/// (hourly), and with PostgreSQL purges expired <c>jti</c> rows and, while the database is unreachable, probes it
/// every second so the replica recovers by itself when it comes back.
/// </summary>
internal sealed partial class StoreMaintenance(
    ILedgerDatabase database,
    PostgresStore? postgres,
    IOptions<StorageOptions> options,
    TimeProvider time,
    ILogger<StoreMaintenance> logger) : BackgroundService
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan RetentionInterval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Not at once: replicas starting together have enough to do.
        var nextRetention = time.GetUtcNow() + Interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (postgres is { IsReachable: false })
                {
                    await postgres.ProbeAsync(stoppingToken);
                }
                var now = time.GetUtcNow();
                if (postgres is not null)
                {
                    await JtiReplayTable.PurgeExpiredAsync(postgres, now, stoppingToken);
                }
                if (now >= nextRetention)
                {
                    var deleted = await PurgeOlderThanAsync(now - TimeSpan.FromDays(options.Value.RetentionDays), stoppingToken);
                    LogPurged(deleted, options.Value.RetentionDays);
                    nextRetention = now + RetentionInterval;
                }
            }
            catch (Exception e) when (database.IsUnavailable(e) || e is DbException or IOException or InvalidOperationException)
            {
                LogFailed(e.Message);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await Task.Delay(postgres is { IsReachable: false } ? ProbeInterval : Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Deletes cards issued and feedback received before <paramref name="cutoff"/>; returns the rows deleted.</summary>
    internal async Task<int> PurgeOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.Command("""
            DELETE FROM issued_suggestion WHERE card_uuid IN (SELECT card_uuid FROM issued_card WHERE issued_at < @cutoff);
            DELETE FROM issued_card WHERE issued_at < @cutoff;
            DELETE FROM feedback WHERE received_at < @cutoff;
            """, transaction);
        command.With("@cutoff", cutoff.ToUnixTimeMilliseconds());
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {Deleted} stored rows older than {Days} days deleted")]
    private partial void LogPurged(int deleted, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Store upkeep failed ({Reason}); retried on the next round")]
    private partial void LogFailed(string reason);
}
