using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>
/// The JwtBearer options of the <see cref="ClientAuthentication.SchemeName"/> scheme: issuer-aware keys from the
/// allowlisted JWK Sets, the allowed algorithms and type, and token lifetimes read on the auth clock.
/// </summary>
internal static class ClientJwtBearerSetup
{
    public static void Configure(JwtBearerOptions jwt, ClientKeyStore keys, ClientAuthOptions auth, TimeProvider clock)
    {
        jwt.EventsType = typeof(ClientTokenEvents);
        jwt.MapInboundClaims = false;
        jwt.SaveToken = false;
        jwt.IncludeErrorDetails = false;
        jwt.RequireHttpsMetadata = true;
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidAlgorithms = ClientTokenRules.Algorithms,
            ValidTypes = [ClientTokenRules.TokenType],
            ValidateIssuer = true,
            ValidIssuers = auth.Clients.Select(c => c.Issuer).OfType<string>().ToList(),
            // The expected audience depends on the request: checked in ClientTokenEvents.TokenValidated.
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = auth.ClockSkew,
            LifetimeValidator = (notBefore, expires, _, parameters) => ValidateLifetime(notBefore, expires, parameters.ClockSkew, clock),
            TryAllIssuerSigningKeys = false,
            IssuerSigningKeyResolver = (_, token, kid, _) =>
                keys.GetSigningKeys((token as JsonWebToken)?.Issuer, kid, (token as JsonWebToken)?.Alg),
            IncludeTokenOnFailedValidation = false,
            SaveSigninToken = false,
        };
    }

    /// <summary><c>exp</c> required and not passed, <c>nbf</c> (if any) reached, both with the skew, on the auth clock.</summary>
    private static bool ValidateLifetime(DateTime? notBefore, DateTime? expires, TimeSpan skew, TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no exp.");
        }
        if (now > expires.Value.ToUniversalTime() + skew)
        {
            throw new SecurityTokenExpiredException("The token has expired.");
        }
        if (notBefore is { } nbf && now + skew < nbf.ToUniversalTime())
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.");
        }
        return true;
    }
}
