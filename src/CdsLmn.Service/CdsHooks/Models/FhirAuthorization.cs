using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>
/// The OAuth 2.0 token the EHR lends us for its FHIR server (docs/cds-hooks-spec.md §2). Its members are
/// snake_case on the wire. The token is transient: never logged, cached across requests or sent elsewhere.
/// </summary>
internal sealed record FhirAuthorization
{
    /// <summary>REQUIRED. The access token.</summary>
    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    /// <summary>REQUIRED. Fixed value <c>Bearer</c>.</summary>
    [JsonPropertyName("token_type")]
    public string? TokenType { get; init; }

    /// <summary>REQUIRED. Lifetime in seconds.</summary>
    [JsonPropertyName("expires_in")]
    public long? ExpiresIn { get; init; }

    /// <summary>REQUIRED. Granted SMART scopes, space-separated.</summary>
    [JsonPropertyName("scope")]
    public string? Scope { get; init; }

    /// <summary>REQUIRED. Our OAuth client id at the EHR's authorization server.</summary>
    [JsonPropertyName("subject")]
    public string? Subject { get; init; }

    /// <summary>CONDITIONAL. The patient the token is limited to, for patient/ scopes.</summary>
    [JsonPropertyName("patient")]
    public string? Patient { get; init; }

    public override string ToString() => "FhirAuthorization { redacted }";
}
