using System.Net;

namespace CdsLmn.Service.Tests.Auth;

/// <summary>The auth clock of <see cref="KeyRotationTests"/>: starts now and moves only when the test says so.</summary>
public sealed class KeyRotationAppFactory : AuthAppFactory
{
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    internal override ManualClock? AuthClock => _clock;
}

/// <summary>
/// JWK Set caching and rotation (docs/cds-hooks-spec.md §6.2 "cache JWKS and refresh when an unknown kid appears"),
/// counted at the WireMock EHR: one fetch at first use, one when a new kid appears, none for a made-up kid inside
/// the 30 s rate-limit window.
/// </summary>
public sealed class KeyRotationTests(KeyRotationAppFactory app) : IClassFixture<KeyRotationAppFactory>
{
    private const string Hook = TestData.OrderSelectUrl;

    [Fact]
    public async Task RefetchesOnceForANewKidAndNotForEveryUnknownOne()
    {
        var clock = app.AuthClock!;
        using var rotated = TestSigningKey.Es384("es384-2");

        using (var first = await app.SendAsync(Hook, app.Token(app.Es384, Hook), app.Es384))
        using (var second = await app.SendAsync(Hook, app.Token(app.Rs384, Hook), app.Rs384))
        {
            await AuthCalls.IsSilentOkAsync(first);
            await AuthCalls.IsSilentOkAsync(second);
        }
        Assert.Equal(1, app.JwksCalls);

        // The EHR rotates: es384-1 is withdrawn and es384-2 published.
        app.Publish(rotated, app.Rs384);
        clock.Advance(TimeSpan.FromSeconds(31));
        using (var afterRotation = await app.SendAsync(Hook, app.Token(rotated, Hook), rotated))
        {
            await AuthCalls.IsSilentOkAsync(afterRotation);
        }
        Assert.Equal(2, app.JwksCalls);

        // Made-up kids within the rate-limit window cause no fetch, and the withdrawn key no longer opens anything.
        clock.Advance(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 3; i++)
        {
            var madeUp = app.Token(rotated, Hook).With(t => t.Header["kid"] = $"made-up-{i}");
            using var refused = await app.SendAsync(Hook, madeUp, rotated);
            await AuthCalls.IsUnauthorizedAsync(refused);
        }
        using (var withdrawn = await app.SendAsync(Hook, app.Token(app.Es384, Hook), app.Es384))
        {
            await AuthCalls.IsUnauthorizedAsync(withdrawn);
        }
        Assert.Equal(2, app.JwksCalls);

        // After the window, an unknown kid may cause one more fetch (still refused: the EHR does not have it either).
        clock.Advance(TimeSpan.FromSeconds(30));
        var unknown = app.Token(rotated, Hook).With(t => t.Header["kid"] = "still-unknown");
        using (var refusedAgain = await app.SendAsync(Hook, unknown, rotated))
        {
            await AuthCalls.IsUnauthorizedAsync(refusedAgain);
        }
        Assert.Equal(3, app.JwksCalls);
    }
}

/// <summary>A burst of tokens naming an unknown kid, arriving together before any key is cached, costs the EHR one fetch.</summary>
public sealed class JwksFetchBurstTests(KeyRotationAppFactory app) : IClassFixture<KeyRotationAppFactory>
{
    private const string Hook = TestData.OrderSelectUrl;

    [Fact]
    public async Task ConcurrentCallsShareOneFetch()
    {
        var kid = $"burst-{Guid.NewGuid():N}";

        var calls = Enumerable.Range(0, 8).Select(async _ =>
        {
            var token = app.Token(app.Es384, Hook).With(t => t.Header["kid"] = kid);
            using var response = await app.SendAsync(Hook, token, app.Es384);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(calls);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(1, app.JwksCalls);
    }
}
