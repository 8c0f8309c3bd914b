using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Evidence;

/// <summary>
/// The SSRF guard: a <c>fhirServer</c> (and every <c>next</c> link) must sit under an allowlisted base URL
/// with the same scheme, host and port, at a path-segment boundary. Plain http is possible only where an
/// entry says http. Nothing off the list is ever contacted.
/// </summary>
internal sealed class FhirServerAllowlist(IOptions<FhirOptions> options)
{
    public bool IsAllowed(Uri server) =>
        server.IsAbsoluteUri && string.IsNullOrEmpty(server.UserInfo)
        && options.Value.AllowedServers.Any(entry => Matches(entry, server));

    /// <summary>True when <paramref name="candidate"/> lies under <paramref name="baseUrl"/> (used for next links).</summary>
    public static bool IsUnder(Uri baseUrl, Uri candidate) =>
        candidate.IsAbsoluteUri
        && string.Equals(candidate.Scheme, baseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(candidate.Host, baseUrl.Host, StringComparison.OrdinalIgnoreCase)
        && candidate.Port == baseUrl.Port
        && string.IsNullOrEmpty(candidate.UserInfo)
        && PathIsUnder(baseUrl.AbsolutePath, candidate.AbsolutePath);

    private static bool Matches(string entry, Uri server)
    {
        var anyPort = entry.EndsWith(":*", StringComparison.Ordinal);
        if (!Uri.TryCreate(anyPort ? entry[..^2] : entry, UriKind.Absolute, out var allowed))
        {
            return false;
        }
        return string.Equals(server.Scheme, allowed.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(server.Host, allowed.Host, StringComparison.OrdinalIgnoreCase)
            && (anyPort || server.Port == allowed.Port)
            && PathIsUnder(allowed.AbsolutePath, server.AbsolutePath);
    }

    private static bool PathIsUnder(string basePath, string path)
    {
        var prefix = basePath.TrimEnd('/');
        return prefix.Length == 0
            || path.Equals(prefix, StringComparison.Ordinal)
            || path.StartsWith(prefix + "/", StringComparison.Ordinal);
    }
}
