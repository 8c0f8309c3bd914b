using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CdsLmn.Service.Tests.Support;

/// <summary>
/// A CDS client JWT under construction: a hand-built JWS whose header and payload a test can bend any way
/// (missing claims, <c>alg: none</c>, HMAC, a foreign <c>jku</c>), then signed with a test key.
/// </summary>
internal sealed class ClientToken
{
    public JsonObject Header { get; } = [];

    public JsonObject Payload { get; } = [];

    /// <summary>A valid token of <paramref name="issuer"/> for <paramref name="audience"/>: 5 minutes, fresh jti, typ JWT.</summary>
    public static ClientToken Valid(TestSigningKey key, string issuer, string audience, DateTimeOffset now)
    {
        var token = new ClientToken();
        token.Header["alg"] = key.Algorithm;
        token.Header["typ"] = "JWT";
        token.Header["kid"] = key.Kid;
        token.Payload["iss"] = issuer;
        token.Payload["aud"] = audience;
        token.Payload["iat"] = now.ToUnixTimeSeconds();
        token.Payload["exp"] = now.AddMinutes(5).ToUnixTimeSeconds();
        token.Payload["jti"] = Guid.NewGuid().ToString();
        return token;
    }

    public ClientToken With(Action<ClientToken> change)
    {
        change(this);
        return this;
    }

    public string SignedBy(TestSigningKey key) => SignWith(key.Sign);

    public string SignedWithHmac(byte[] secret)
    {
        Header["alg"] = "HS256";
        return SignWith(data => HMACSHA256.HashData(secret, data));
    }

    public string Unsigned()
    {
        Header["alg"] = "none";
        return SigningInput() + ".";
    }

    /// <summary>The same claims signed by Microsoft.IdentityModel's <c>JsonWebTokenHandler</c> (what an EHR on .NET would send).</summary>
    public string SignedByLibrary(TestSigningKey key)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            SigningCredentials = key.Credentials(),
            TokenType = (string?)Header["typ"],
            Claims = Payload.ToDictionary(p => p.Key, p => (object)(p.Value is JsonValue v && v.TryGetValue<long>(out var n) ? n : p.Value!.ToString())),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    private string SignWith(Func<byte[], byte[]> sign)
    {
        var input = SigningInput();
        return input + "." + TestSigningKey.B64(sign(Encoding.ASCII.GetBytes(input)));
    }

    private string SigningInput() =>
        TestSigningKey.B64(Encoding.UTF8.GetBytes(Header.ToJsonString())) + "." + TestSigningKey.B64(Encoding.UTF8.GetBytes(Payload.ToJsonString()));
}
