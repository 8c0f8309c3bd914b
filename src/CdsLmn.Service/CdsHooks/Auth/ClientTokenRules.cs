using System.Collections.Frozen;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>The fixed rules of a CDS client JWT (docs/cds-hooks-spec.md §6.2) and the expected audience of a request.</summary>
internal static class ClientTokenRules
{
    /// <summary>The only accepted <c>typ</c>.</summary>
    public const string TokenType = "JWT";

    /// <summary>Longest accepted compact token; real client JWTs are well under 2 KiB.</summary>
    public const int MaxTokenLength = 16 * 1024;

    /// <summary>Longest accepted <c>jti</c>, bounding the replay cache's memory.</summary>
    public const int MaxJtiLength = 256;

    public static readonly FrozenSet<string> RsaAlgorithms = FrozenSet.Create(StringComparer.Ordinal,
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512);

    /// <summary>ES384 and RS384 are the spec's recommendation; <c>none</c> and every HMAC (HS*) are never accepted.</summary>
    public static readonly FrozenSet<string> Algorithms = FrozenSet.Create(StringComparer.Ordinal,
        [SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512, .. RsaAlgorithms]);

    /// <summary>
    /// The URL of the endpoint called: <c>CdsLmn:PublicBaseUrl</c> + path when configured (behind a proxy), otherwise
    /// the request's scheme, host, path base and path.
    /// </summary>
    public static string ExpectedAudience(HttpRequest request, string? publicBaseUrl) =>
        publicBaseUrl is { Length: > 0 }
            ? OnBase(publicBaseUrl, request)
            : UriHelper.BuildAbsolute(request.Scheme.ToLowerInvariant(), new HostString(request.Host.Value?.ToLowerInvariant() ?? ""), request.PathBase, request.Path);

    /// <summary>
    /// Every <c>aud</c> accepted on the endpoint called: its own URL, and each configured extra audience (a base URL,
    /// for EHRs that registered the service under another address) plus the endpoint's path, so a token minted for
    /// discovery, another endpoint or another service is refused there too (docs/cds-hooks-spec.md §6.2).
    /// </summary>
    public static IReadOnlyList<string> ExpectedAudiences(HttpRequest request, ClientAuthOptions options) =>
        [ExpectedAudience(request, options.PublicBaseUrl), .. options.Audiences.Select(baseUrl => OnBase(baseUrl, request))];

    /// <summary>Exact comparison, except that one trailing slash on either side does not matter.</summary>
    public static bool SameAudience(string a, string b) =>
        string.Equals(TrimSlash(a), TrimSlash(b), StringComparison.Ordinal);

    /// <summary>A base URL (with any path prefix) plus the path of the endpoint called.</summary>
    private static string OnBase(string baseUrl, HttpRequest request) => baseUrl.TrimEnd('/') + request.Path.ToUriComponent();

    private static string TrimSlash(string value) => value.EndsWith('/') ? value[..^1] : value;
}
