using Microsoft.IdentityModel.JsonWebTokens;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>The loggable facts of a client token (never the token or its signature), kept on the request for log lines.</summary>
internal sealed record TokenFacts(string? Issuer, string? Kid, string? Jti, string? Tenant)
{
    public static TokenFacts Of(JsonWebToken jwt) => new(
        jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Iss, out var iss) ? iss : null,
        jwt.TryGetHeaderValue<string>(JwtHeaderParameterNames.Kid, out var kid) ? kid : null,
        jwt.TryGetPayloadValue<string>(JwtRegisteredClaimNames.Jti, out var jti) ? jti : null,
        jwt.TryGetPayloadValue<string>("tenant", out var tenant) ? tenant : null);
}
