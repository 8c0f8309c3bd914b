using CdsLmn.Service.CdsHooks.Auth;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Tests.Unit.CdsHooks.Auth;

public sealed class InMemoryJtiReplayCacheTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task RefusesAJtiUntilItsTokenHasExpired()
    {
        var cache = Cache(maxEntries: 1000);
        var expiresAt = _clock.GetUtcNow().AddMinutes(6);

        Assert.True(await cache.TryRecordAsync("iss", "jti-1", expiresAt, default));
        Assert.False(await cache.TryRecordAsync("iss", "jti-1", expiresAt, default));
        Assert.True(await cache.TryRecordAsync("other-iss", "jti-1", expiresAt, default));
        _clock.Advance(TimeSpan.FromMinutes(6) + TimeSpan.FromSeconds(1));
        Assert.True(await cache.TryRecordAsync("iss", "jti-1", _clock.GetUtcNow().AddMinutes(6), default));
    }

    [Fact]
    public async Task StaysBoundedAndForgetsExpiredEntries()
    {
        var cache = Cache(maxEntries: 1000);
        var expiresAt = _clock.GetUtcNow().AddMinutes(1);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(await cache.TryRecordAsync("iss", $"jti-{i}", expiresAt, default));
        }

        Assert.False(await cache.TryRecordAsync("iss", "one-too-many", expiresAt, default));
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.True(await cache.TryRecordAsync("iss", "one-too-many", _clock.GetUtcNow().AddMinutes(1), default));
        Assert.Equal(1, cache.Count);
    }

    private InMemoryJtiReplayCache Cache(int maxEntries) =>
        new(Options.Create(new ClientAuthOptions { MaxReplayCacheEntries = maxEntries }), _clock, NullLogger<InMemoryJtiReplayCache>.Instance);
}
