using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace CdsLmn.Service.Tests.Support;

/// <summary>A client signing key made in the test: EC P-384 for ES384 or RSA 2048 for RS384.</summary>
internal sealed class TestSigningKey : IDisposable
{
    private readonly ECDsa? _ec;
    private readonly RSA? _rsa;

    private TestSigningKey(string kid, string algorithm, ECDsa? ec, RSA? rsa)
    {
        Kid = kid;
        Algorithm = algorithm;
        _ec = ec;
        _rsa = rsa;
    }

    public string Kid { get; }

    public string Algorithm { get; }

    public static TestSigningKey Es384(string kid) => new(kid, SecurityAlgorithms.EcdsaSha384, ECDsa.Create(ECCurve.NamedCurves.nistP384), null);

    public static TestSigningKey Rs384(string kid) => new(kid, SecurityAlgorithms.RsaSha384, null, RSA.Create(2048));

    /// <summary>The public key as the client would publish it in its JWK Set.</summary>
    public JsonObject PublicJwk()
    {
        if (_ec is not null)
        {
            var q = _ec.ExportParameters(false).Q;
            return new() { ["kty"] = "EC", ["crv"] = "P-384", ["x"] = B64(q.X!), ["y"] = B64(q.Y!), ["kid"] = Kid, ["use"] = "sig", ["alg"] = Algorithm };
        }
        var p = _rsa!.ExportParameters(false);
        return new() { ["kty"] = "RSA", ["n"] = B64(p.Modulus!), ["e"] = B64(p.Exponent!), ["kid"] = Kid, ["use"] = "sig", ["alg"] = Algorithm };
    }

    /// <summary>The public key's bytes (SubjectPublicKeyInfo), what an attacker would use as an HMAC secret.</summary>
    public byte[] PublicKeyBytes() => _ec is not null ? _ec.ExportSubjectPublicKeyInfo() : _rsa!.ExportSubjectPublicKeyInfo();

    public byte[] Sign(byte[] data) => _ec is not null
        ? _ec.SignData(data, HashAlgorithmName.SHA384)
        : _rsa!.SignData(data, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1);

    /// <summary>For signing with Microsoft.IdentityModel's own <c>JsonWebTokenHandler</c>.</summary>
    public SigningCredentials Credentials() => _ec is not null
        ? new SigningCredentials(new ECDsaSecurityKey(_ec) { KeyId = Kid }, Algorithm)
        : new SigningCredentials(new RsaSecurityKey(_rsa!) { KeyId = Kid }, Algorithm);

    public static string JwkSet(params TestSigningKey[] keys) =>
        new JsonObject { ["keys"] = new JsonArray(keys.Select(k => (JsonNode)k.PublicJwk()).ToArray()) }.ToJsonString();

    public void Dispose()
    {
        _ec?.Dispose();
        _rsa?.Dispose();
    }

    internal static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
