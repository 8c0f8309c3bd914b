using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using CdsLmn.Service.Telemetry;
using Microsoft.IdentityModel.JsonWebTokens;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>
/// The JwtBearer events that make it a CDS client check. Before validation: read the header and payload (not yet
/// trusted), refuse a bad <c>alg</c>/<c>typ</c>/<c>crit</c>/<c>kid</c>/<c>iss</c>/<c>jku</c> without fetching anything, and make
/// sure the issuer's key cache knows the <c>kid</c> (the signing-key resolver is synchronous). JwtBearer then checks
/// the signature, algorithm, type, issuer and <c>exp</c>. After it: <c>iat</c>, lifetime, <c>aud</c> = the called
/// endpoint, <c>tenant</c>, and last the <c>jti</c> replay cache. Any failure answers 401 with an empty
/// OperationOutcome and logs a reason code with iss/kid/jti, never the token.
/// </summary>
internal sealed partial class ClientTokenEvents(
    ClientKeyStore keys,
    IJtiReplayCache replayCache,
    IOptions<ClientAuthOptions> options,
    [FromKeyedServices(ClientAuthentication.ClockKey)] TimeProvider clock,
    CdsLmnMetrics metrics,
    ILogger<ClientTokenEvents> logger) : JwtBearerEvents
{
    private const string BearerPrefix = "Bearer ";

    public override async Task MessageReceived(MessageReceivedContext context)
    {
        if (options.Value.Mode == ClientAuthMode.Disabled || !IsProtected(context.HttpContext))
        {
            context.NoResult();
            return;
        }

        var header = context.Request.Headers.Authorization;
        if (header.Count != 1 || header[0] is not { } value || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            Refuse(context, header.Count == 0 ? AuthFailure.MissingToken : AuthFailure.Malformed, null);
            return;
        }

        var token = value[BearerPrefix.Length..].Trim();
        var jwt = TryRead(token);
        if (jwt is null)
        {
            Refuse(context, AuthFailure.Malformed, null);
            return;
        }
        var claims = TokenFacts.Of(jwt);
        context.HttpContext.Features.Set(claims);

        var client = keys.FindClient(claims.Issuer);
        var reason =
            !ClientTokenRules.Algorithms.Contains(jwt.Alg) ? AuthFailure.AlgorithmNotAllowed
            : jwt.Typ != ClientTokenRules.TokenType ? AuthFailure.WrongType
            // RFC 7515 §4.1.11: a JWS listing a critical extension the recipient does not understand must be
            // rejected. This service implements none, so any "crit" (even an empty or malformed one) is refused.
            : jwt.TryGetHeaderValue<object>("crit", out _) ? AuthFailure.CritUnsupported
            : string.IsNullOrEmpty(jwt.Kid) ? AuthFailure.KidMissing
            : client is null ? AuthFailure.IssuerUnknown
            // A client configured with inline keys only is verified with them whatever its jku says (the CDS Hooks
            // sandbox sends a jku no hospital network can reach); with a JwksUrl, a jku must equal it. Never fetched.
            : client.JwksUrl is not null && jwt.TryGetHeaderValue<object>("jku", out var jku) && (jku is not string jkuUrl || jkuUrl != client.JwksUrl)
                ? AuthFailure.JkuNotAllowlisted
            : null;
        if (reason is null && !await keys.EnsureKeyAsync(claims.Issuer!, jwt.Kid, context.HttpContext.RequestAborted))
        {
            reason = AuthFailure.KidUnknown;
        }
        if (reason is not null)
        {
            Refuse(context, reason, claims);
            return;
        }
        context.Token = token;
    }

    /// <summary>JwtBearer's own checks failed, or something threw: log the reason and answer 401 (never a 500).</summary>
    public override Task AuthenticationFailed(AuthenticationFailedContext context)
    {
        var reason = AuthFailure.From(context.Exception);
        LogRefused(reason, context.HttpContext.Features.Get<TokenFacts>());
        context.Fail(reason);
        return Task.CompletedTask;
    }

    public override async Task TokenValidated(TokenValidatedContext context)
    {
        var jwt = (JsonWebToken)context.SecurityToken;
        var claims = TokenFacts.Of(jwt);
        var settings = options.Value;
        var client = keys.FindClient(jwt.Issuer)!;
        var now = clock.GetUtcNow();
        var expected = ClientTokenRules.ExpectedAudiences(context.Request, settings);

        var issuedAt = ReadNumericDate(jwt, JwtRegisteredClaimNames.Iat);
        var expires = ReadNumericDate(jwt, JwtRegisteredClaimNames.Exp);

        var reason =
            issuedAt is null ? AuthFailure.IatMissing
            : expires is null ? AuthFailure.ExpMissing
            : issuedAt > now + settings.ClockSkew ? AuthFailure.IatInFuture
            : expires - issuedAt > settings.MaxTokenLifetime ? AuthFailure.LifetimeTooLong
            : !jwt.Audiences.Any(aud => expected.Any(audience => ClientTokenRules.SameAudience(aud, audience))) ? AuthFailure.AudienceMismatch
            : client.Tenants.Count > 0 && (claims.Tenant is null || !client.Tenants.Contains(claims.Tenant, StringComparer.Ordinal)) ? AuthFailure.TenantNotAllowed
            : claims.Jti is not { Length: > 0 and <= ClientTokenRules.MaxJtiLength } ? AuthFailure.JtiMissing
            : null;
        if (reason is null)
        {
            if (!await replayCache.TryRecordAsync(jwt.Issuer, claims.Jti!, expires!.Value + settings.ClockSkew, context.HttpContext.RequestAborted))
            {
                reason = AuthFailure.JtiReplayed;
            }
        }
        if (reason is not null)
        {
            Refuse(context, reason, claims);
            return;
        }
        LogAccepted(claims.Issuer, claims.Kid, claims.Jti, claims.Tenant);
    }

    public override async Task Challenge(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await OperationOutcomeResult.Unauthorized().ExecuteAsync(context.HttpContext);
    }

    private static bool IsProtected(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy == ClientAuthentication.PolicyName) == true;

    /// <summary>A NumericDate claim (seconds since the epoch, possibly fractional), or null when absent or not a sane number.</summary>
    private static DateTimeOffset? ReadNumericDate(JsonWebToken jwt, string name)
    {
        if (!jwt.TryGetClaim(name, out var claim)
            || !double.TryParse(claim.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || seconds is < 0 or > 253_402_300_799)
        {
            return null;
        }
        return DateTimeOffset.UnixEpoch.AddSeconds(seconds);
    }

    private static JsonWebToken? TryRead(string token)
    {
        if (token.Length is 0 or > ClientTokenRules.MaxTokenLength)
        {
            return null;
        }
        try
        {
            var jwt = new JsonWebToken(token);
            return jwt.IsEncrypted ? null : jwt;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or System.Text.Json.JsonException or Microsoft.IdentityModel.Tokens.SecurityTokenException)
        {
            return null;
        }
    }

    private void Refuse(ResultContext<JwtBearerOptions> context, string reason, TokenFacts? claims)
    {
        LogRefused(reason, claims);
        if (reason == AuthFailure.MissingToken)
        {
            context.NoResult();
        }
        else
        {
            context.Fail(reason);
        }
    }

    private void LogRefused(string reason, TokenFacts? claims) =>
        LogRefused(reason, claims?.Issuer, claims?.Kid, claims?.Jti, claims?.Tenant);

    private void LogRefused(string reason, string? issuer, string? kid, string? jti, string? tenant)
    {
        metrics.RecordAuthFailure(reason);
        LogRefusedCore(reason, Printable(issuer), Printable(kid), Printable(jti), Printable(tenant));
    }

    private void LogAccepted(string? issuer, string? kid, string? jti, string? tenant) =>
        LogAcceptedCore(Printable(issuer), Printable(kid), Printable(jti), Printable(tenant));

    /// <summary>Claims of an unverified token are attacker text: short, printable ASCII only.</summary>
    private static string Printable(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "-";
        }
        var shortened = value.Length > 128 ? value[..128] + "…" : value;
        return string.Create(shortened.Length, shortened, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = source[i] is >= ' ' and <= '~' or '…' ? source[i] : '?';
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "CDS client token refused ({Reason}): iss {Issuer}, kid {Kid}, jti {Jti}, tenant {Tenant}")]
    private partial void LogRefusedCore(string reason, string issuer, string kid, string jti, string tenant);

    [LoggerMessage(Level = LogLevel.Debug, Message = "CDS client token accepted: iss {Issuer}, kid {Kid}, jti {Jti}, tenant {Tenant}")]
    private partial void LogAcceptedCore(string issuer, string kid, string jti, string tenant);
}
