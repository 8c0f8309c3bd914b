using Microsoft.IdentityModel.Tokens;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>Short codes for the log line of a refused client token; never the token itself.</summary>
internal static class AuthFailure
{
    public const string MissingToken = "missing-token";
    public const string Malformed = "malformed";
    public const string AlgorithmNotAllowed = "alg-not-allowed";
    public const string WrongType = "typ-not-jwt";
    public const string KidMissing = "kid-missing";
    public const string IssuerUnknown = "iss-unknown";
    public const string JkuNotAllowlisted = "jku-not-allowlisted";
    public const string CritUnsupported = "crit-unsupported";
    public const string KidUnknown = "kid-unknown";
    public const string BadSignature = "bad-signature";
    public const string Expired = "expired";
    public const string NotYetValid = "not-yet-valid";
    public const string ExpMissing = "exp-missing";
    public const string IatMissing = "iat-missing";
    public const string IatInFuture = "iat-in-future";
    public const string LifetimeTooLong = "lifetime-too-long";
    public const string AudienceMismatch = "aud-mismatch";
    public const string TenantNotAllowed = "tenant-not-allowed";
    public const string JtiMissing = "jti-missing";
    public const string JtiReplayed = "jti-replayed";
    public const string Invalid = "invalid";

    /// <summary>The reason code for an exception thrown by token validation.</summary>
    public static string From(Exception? exception) => exception switch
    {
        SecurityTokenSignatureKeyNotFoundException => KidUnknown,
        SecurityTokenInvalidSignatureException => BadSignature,
        SecurityTokenExpiredException => Expired,
        SecurityTokenNotYetValidException => NotYetValid,
        SecurityTokenNoExpirationException => ExpMissing,
        SecurityTokenInvalidAlgorithmException => AlgorithmNotAllowed,
        SecurityTokenInvalidTypeException => WrongType,
        SecurityTokenMalformedException => Malformed,
        _ => Invalid,
    };
}
