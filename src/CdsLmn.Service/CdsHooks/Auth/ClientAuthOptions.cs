using System.ComponentModel.DataAnnotations;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>EHR client authentication, bound from <c>CdsLmn:Auth</c> (plus <c>CdsLmn:PublicBaseUrl</c>).</summary>
internal sealed class ClientAuthOptions
{
    public const string Section = "CdsLmn:Auth";

    public const string PublicBaseUrlKey = "CdsLmn:PublicBaseUrl";

    /// <summary><c>CdsLmn:Auth:Mode</c>: <c>Required</c> (default) or <c>Disabled</c>.</summary>
    public ClientAuthMode Mode { get; set; } = ClientAuthMode.Required;

    /// <summary><c>CdsLmn:Auth:Clients</c>: the trusted CDS clients, one per issuer.</summary>
    public List<TrustedClientOptions> Clients { get; set; } = [];

    /// <summary>
    /// <c>CdsLmn:Auth:Audiences</c>: extra base URLs the EHR may have registered the service under; on each endpoint the
    /// accepted <c>aud</c> is such a base plus that endpoint's path (compared exactly, a trailing slash aside).
    /// </summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>
    /// <c>CdsLmn:PublicBaseUrl</c>: the public base URL (scheme, host, any path prefix) the EHR calls, used to compute
    /// the expected <c>aud</c> behind a proxy; when unset it comes from the request's scheme, host and path base.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary><c>CdsLmn:Auth:ClockSkew</c>: tolerance for <c>exp</c>, <c>nbf</c> and <c>iat</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <c>CdsLmn:Auth:MaxTokenLifetime</c>: the longest <c>exp − iat</c> accepted; the CDS Hooks best-practices page
    /// expects well-behaved clients to stay within an hour (sandbox: 5 min, Epic: 15 min).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan MaxTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>CdsLmn:Auth:JwksMinRefreshInterval</c>: an issuer's JWK Set is fetched at most once per this interval.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan JwksMinRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary><c>CdsLmn:Auth:JwksCacheDuration</c>: a fetched JWK Set older than this is refreshed on its next use (keeping it if the refresh fails).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan JwksCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary><c>CdsLmn:Auth:JwksFetchTimeout</c>: budget for one JWK Set download.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan JwksFetchTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary><c>CdsLmn:Auth:MaxReplayCacheEntries</c>: bound on remembered <c>jti</c>s; when full (after expiring old ones) tokens are refused.</summary>
    [Range(1000, 100_000_000)]
    public int MaxReplayCacheEntries { get; set; } = 1_000_000;
}
