namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>One trusted CDS client: <c>CdsLmn:Auth:Clients:{n}</c>.</summary>
internal sealed class TrustedClientOptions
{
    /// <summary>The client's <c>iss</c>, compared exactly.</summary>
    public string? Issuer { get; set; }

    /// <summary>The allowlisted JWK Set URL; the only URL ever fetched for this issuer, and the only <c>jku</c> accepted.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>The issuer's JWK Set as inline JSON (keys exchanged out of band); used alongside <see cref="JwksUrl"/> if both are set.</summary>
    public string? Jwks { get; set; }

    /// <summary>When not empty, the <c>tenant</c> claim is required and must be one of these.</summary>
    public List<string> Tenants { get; set; } = [];
}
