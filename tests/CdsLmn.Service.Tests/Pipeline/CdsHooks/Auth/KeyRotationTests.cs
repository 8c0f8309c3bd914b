using System.Net;


namespace CdsLmn.Service.Tests.Pipeline.CdsHooks.Auth;

/// <summary>
/// JWK Set caching and rotation (docs/cds-hooks-spec.md §6.2 "cache JWKS and refresh when an unknown kid appears"),
/// counted at the WireMock EHR: one fetch at first use, one when a new kid appears, none for a made-up kid inside
/// the 30 s rate-limit window.
/// </summary>
public sealed class KeyRotationTests(AppFixture<Profiles.AuthOnManualClock> appFixture) : IClassFixture<AppFixture<Profiles.AuthOnManualClock>>
{
    private const string Hook = TestData.OrderSelectUrl;
    private readonly CdsLmnApp _app = appFixture.App;

    [Fact]
    public async Task RefetchesOnceForANewKidAndNotForEveryUnknownOne()
    {
        var clock = _app.AuthClock!;
        using var rotated = TestSigningKey.Es384("es384-2");

        using (var first = await _app.SendAsync(Hook, _app.Token(_app.Ehr.Es384, Hook), _app.Ehr.Es384))
        using (var second = await _app.SendAsync(Hook, _app.Token(_app.Ehr.Rs384, Hook), _app.Ehr.Rs384))
        {
            await AuthCalls.IsSilentOkAsync(first);
            await AuthCalls.IsSilentOkAsync(second);
        }
        Assert.Equal(1, _app.Ehr.JwksCalls);

        // The EHR rotates: es384-1 is withdrawn and es384-2 published.
        _app.Ehr.Publish(rotated, _app.Ehr.Rs384);
        clock.Advance(TimeSpan.FromSeconds(31));
        using (var afterRotation = await _app.SendAsync(Hook, _app.Token(rotated, Hook), rotated))
        {
            await AuthCalls.IsSilentOkAsync(afterRotation);
        }
        Assert.Equal(2, _app.Ehr.JwksCalls);

        // Made-up kids within the rate-limit window cause no fetch, and the withdrawn key no longer opens anything.
        clock.Advance(TimeSpan.FromSeconds(5));
        for (var i = 0; i < 3; i++)
        {
            var madeUp = _app.Token(rotated, Hook).With(t => t.Header["kid"] = $"made-up-{i}");
            using var refused = await _app.SendAsync(Hook, madeUp, rotated);
            await AuthCalls.IsUnauthorizedAsync(refused);
        }
        using (var withdrawn = await _app.SendAsync(Hook, _app.Token(_app.Ehr.Es384, Hook), _app.Ehr.Es384))
        {
            await AuthCalls.IsUnauthorizedAsync(withdrawn);
        }
        Assert.Equal(2, _app.Ehr.JwksCalls);

        // After the window, an unknown kid may cause one more fetch (still refused: the EHR does not have it either).
        clock.Advance(TimeSpan.FromSeconds(30));
        var unknown = _app.Token(rotated, Hook).With(t => t.Header["kid"] = "still-unknown");
        using (var refusedAgain = await _app.SendAsync(Hook, unknown, rotated))
        {
            await AuthCalls.IsUnauthorizedAsync(refusedAgain);
        }
        Assert.Equal(3, _app.Ehr.JwksCalls);
    }
}

/// <summary>A burst of tokens naming an unknown kid, arriving together before any key is cached, costs the EHR one fetch.</summary>
public sealed class JwksFetchBurstTests(AppFixture<Profiles.AuthOnManualClock> appFixture) : IClassFixture<AppFixture<Profiles.AuthOnManualClock>>
{
    private readonly CdsLmnApp _app = appFixture.App;

    private const string Hook = TestData.OrderSelectUrl;

    [Fact]
    public async Task ConcurrentCallsShareOneFetch()
    {
        var kid = $"burst-{Guid.NewGuid():N}";

        var calls = Enumerable.Range(0, 8).Select(async _ =>
        {
            var token = _app.Token(_app.Ehr.Es384, Hook).With(t => t.Header["kid"] = kid);
            using var response = await _app.SendAsync(Hook, token, _app.Ehr.Es384);
            return response.StatusCode;
        });
        var statuses = await Task.WhenAll(calls);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.Equal(1, _app.Ehr.JwksCalls);
    }
}
