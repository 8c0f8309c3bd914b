using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>
/// Single-process <see cref="IJtiReplayCache"/>: entries expire with their token and are swept regularly; the number of
/// entries is bounded by <see cref="ClientAuthOptions.MaxReplayCacheEntries"/> (when full, new tokens are refused: a
/// replay must never slip through because memory ran out).
/// </summary>
internal sealed partial class InMemoryJtiReplayCache(
    IOptions<ClientAuthOptions> options,
    [FromKeyedServices(ClientAuthentication.ClockKey)] TimeProvider clock,
    ILogger<InMemoryJtiReplayCache> logger) : IJtiReplayCache
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<(string Issuer, string Jti), DateTimeOffset> _seen = new();
    private int _count;
    private long _nextSweepTicks;
    private int _sweeping;

    internal int Count => Volatile.Read(ref _count);

    public Task<bool> TryRecordAsync(string issuer, string jti, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (now.UtcTicks >= Interlocked.Read(ref _nextSweepTicks))
        {
            Sweep(now);
        }
        if (Count >= options.Value.MaxReplayCacheEntries)
        {
            Sweep(now);
            if (Count >= options.Value.MaxReplayCacheEntries)
            {
                LogFull(options.Value.MaxReplayCacheEntries);
                return Task.FromResult(false);
            }
        }

        var key = (issuer, jti);
        while (true)
        {
            if (_seen.TryAdd(key, expiresAt))
            {
                Interlocked.Increment(ref _count);
                return Task.FromResult(true);
            }
            if (!_seen.TryGetValue(key, out var existing))
            {
                continue;
            }
            if (existing > now)
            {
                return Task.FromResult(false);
            }
            if (_seen.TryUpdate(key, expiresAt, existing))
            {
                return Task.FromResult(true);
            }
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }
        try
        {
            Interlocked.Exchange(ref _nextSweepTicks, (now + SweepInterval).UtcTicks);
            foreach (var entry in _seen)
            {
                if (entry.Value <= now && _seen.TryRemove(entry))
                {
                    Interlocked.Decrement(ref _count);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The jti replay cache is full ({MaxEntries} unexpired entries); client tokens are refused until entries expire. Raise CdsLmn:Auth:MaxReplayCacheEntries if this load is legitimate")]
    private partial void LogFull(int maxEntries);
}
