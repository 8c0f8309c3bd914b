using System.Collections.Frozen;
using Microsoft.IdentityModel.Tokens;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>Reads a JWK Set and keeps only keys that can verify an accepted client JWT.</summary>
internal static class JwksReader
{
    private static readonly FrozenSet<string> Curves = FrozenSet.Create(StringComparer.Ordinal, JsonWebKeyECTypes.P256, JsonWebKeyECTypes.P384, JsonWebKeyECTypes.P521);

    /// <summary>The usable public signing keys: RSA or EC (P-256/384/521), with a <c>kid</c>, <c>use</c> absent or <c>sig</c>, no private part.</summary>
    /// <exception cref="ArgumentException">The text is not a JWK Set.</exception>
    public static IReadOnlyList<JsonWebKey> ReadSigningKeys(string json)
    {
        var set = new JsonWebKeySet(json);
        return set.Keys.Where(IsUsable).ToList();
    }

    /// <summary>Like <see cref="ReadSigningKeys"/> but returns null for text that is not a JWK Set.</summary>
    public static IReadOnlyList<JsonWebKey>? TryReadSigningKeys(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return ReadSigningKeys(json);
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException or FormatException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool IsUsable(JsonWebKey key) =>
        !string.IsNullOrEmpty(key.Kid)
        && (string.IsNullOrEmpty(key.Use) || key.Use == JsonWebKeyUseNames.Sig)
        && !key.HasPrivateKey
        && key.Kty switch
        {
            JsonWebAlgorithmsKeyTypes.RSA => !string.IsNullOrEmpty(key.N) && !string.IsNullOrEmpty(key.E),
            JsonWebAlgorithmsKeyTypes.EllipticCurve => Curves.Contains(key.Crv) && !string.IsNullOrEmpty(key.X) && !string.IsNullOrEmpty(key.Y),
            _ => false,
        };
}
