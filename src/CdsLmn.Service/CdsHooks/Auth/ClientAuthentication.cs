namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>
/// The names EHR (CDS client) authentication is wired by (docs/cds-hooks-spec.md §6.2, §10 items 52–61): its
/// JwtBearer scheme, the <see cref="PolicyName"/> policy of the <c>/cds-services</c> route group, the JWKS client and
/// the clock. Registered by <see cref="ClientAuthenticationRegistration"/>; the token checks are
/// <see cref="ClientJwtBearerSetup"/> and <see cref="ClientTokenEvents"/>.
/// </summary>
internal static class ClientAuthentication
{
    public const string SchemeName = "CdsClient";

    /// <summary>The authorization policy every <c>/cds-services</c> endpoint carries.</summary>
    public const string PolicyName = "cds-client";

    /// <summary>The named <see cref="HttpClient"/> that fetches allowlisted JWK Sets (no redirects, small bodies).</summary>
    public const string JwksHttpClientName = "cds-client-jwks";

    /// <summary>
    /// Service key of the <see cref="TimeProvider"/> used for token times, replay entries and JWKS refreshes: the
    /// shared clock unless a test registers its own under this key.
    /// </summary>
    public const string ClockKey = "cds-client-auth";
}
