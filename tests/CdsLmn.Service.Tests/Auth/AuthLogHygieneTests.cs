using System.Net;
using Microsoft.IdentityModel.Logging;

namespace CdsLmn.Service.Tests.Auth;

/// <summary>docs/cds-hooks-spec.md §10 item 61: JWTs never appear in logs, not even at Trace, not even when refused.</summary>
public sealed class AuthLogHygieneTests(AuthAppFactory app) : IClassFixture<AuthAppFactory>
{
    private const string Hook = TestData.OrderSelectUrl;

    [Fact]
    public async Task NeitherTheTokenNorItsSignatureIsEverLogged()
    {
        var valid = app.Token(app.Rs384, Hook).SignedBy(app.Rs384);
        var forged = app.Token(app.Es384, Hook).SignedBy(app.AttackerKey);
        var expired = app.Token(app.Es384, Hook).With(t =>
        {
            t.Payload["iat"] = app.Now.AddMinutes(-30).ToUnixTimeSeconds();
            t.Payload["exp"] = app.Now.AddMinutes(-20).ToUnixTimeSeconds();
        }).SignedBy(app.Es384);
        var wrongAudience = app.Token(app.Es384, Hook).With(t => t.Payload["aud"] = "https://elsewhere.example.org").SignedBy(app.Es384);
        var hmac = app.Token(app.Rs384, Hook).SignedWithHmac(app.Rs384.PublicKeyBytes());

        using (var accepted = await app.SendAsync(Hook, "Bearer " + valid))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }
        foreach (var token in new[] { valid, forged, expired, wrongAudience, hmac, "garbage." + valid })
        {
            using var refused = await app.SendAsync(Hook, "Bearer " + token);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var logs = app.Logs.AllText;
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
