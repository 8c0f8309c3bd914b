using System.Net;
using Microsoft.IdentityModel.Logging;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks.Auth;

/// <summary>docs/cds-hooks-spec.md §10 item 61: JWTs never appear in logs, not even at Trace, not even when refused.</summary>
public sealed class AuthLogHygieneTests(AppFixture<Profiles.Auth> appFixture) : IClassFixture<AppFixture<Profiles.Auth>>
{
    private const string Hook = TestData.OrderSelectUrl;
    private readonly CdsLmnApp _app = appFixture.App;

    [Fact]
    public async Task NeitherTheTokenNorItsSignatureIsEverLogged()
    {
        var valid = _app.Token(_app.Ehr.Rs384, Hook).SignedBy(_app.Ehr.Rs384);
        var forged = _app.Token(_app.Ehr.Es384, Hook).SignedBy(_app.Ehr.AttackerKey);
        var expired = _app.Token(_app.Ehr.Es384, Hook).With(t =>
        {
            t.Payload["iat"] = _app.Now.AddMinutes(-30).ToUnixTimeSeconds();
            t.Payload["exp"] = _app.Now.AddMinutes(-20).ToUnixTimeSeconds();
        }).SignedBy(_app.Ehr.Es384);
        var wrongAudience = _app.Token(_app.Ehr.Es384, Hook).With(t => t.Payload["aud"] = "https://elsewhere.example.org").SignedBy(_app.Ehr.Es384);
        var hmac = _app.Token(_app.Ehr.Rs384, Hook).SignedWithHmac(_app.Ehr.Rs384.PublicKeyBytes());

        using (var accepted = await _app.SendAsync(Hook, "Bearer " + valid))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        foreach (var token in new[] { valid, forged, expired, wrongAudience, hmac, "garbage." + valid })
        {
            using var refused = await _app.SendAsync(Hook, "Bearer " + token);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var logs = _app.Logs.AllText;
        Assert.Contains("jti-replayed", logs, StringComparison.Ordinal);
        Assert.Contains("bad-signature", logs, StringComparison.Ordinal);
        Assert.Contains("expired", logs, StringComparison.Ordinal);
        foreach (var token in new[] { valid, forged, expired, wrongAudience, hmac })
        {
            var parts = token.Split('.');
            Assert.DoesNotContain(token, logs, StringComparison.Ordinal);
            Assert.DoesNotContain(parts[1], logs, StringComparison.Ordinal);
            Assert.DoesNotContain(parts[2], logs, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void IdentityModelKeepsPersonalDataAndArtifactsOutOfItsMessages()
    {
        Assert.False(IdentityModelEventSource.ShowPII);
        Assert.False(IdentityModelEventSource.LogCompleteSecurityArtifact);
    }
}
