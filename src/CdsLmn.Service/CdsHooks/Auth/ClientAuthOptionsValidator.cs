using System.Net;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>
/// Start-up checks of <c>CdsLmn:Auth</c>: a bad value stops the service with a message naming its key.
/// </summary>
internal sealed class ClientAuthOptionsValidator(IHostEnvironment environment) : IValidateOptions<ClientAuthOptions>
{
    private const string Prefix = ClientAuthOptions.Section;

    public ValidateOptionsResult Validate(string? name, ClientAuthOptions options)
    {
        var failures = new List<string>();
        if (options.PublicBaseUrl is { Length: > 0 } baseUrl && !IsBaseUrl(baseUrl))
        {
            failures.Add($"{ClientAuthOptions.PublicBaseUrlKey} must be an absolute http(s) URL without query or fragment.");
        }

        for (var i = 0; i < options.Audiences.Count; i++)
        {
            if (!IsBaseUrl(options.Audiences[i]))
            {
                failures.Add($"{Prefix}:Audiences:{i} must be a base URL (absolute http(s), no query or fragment); the accepted aud is it plus the endpoint's path.");
            }
        }

        if (options.Mode == ClientAuthMode.Disabled)
        {
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

        if (options.Clients.Count == 0)
        {
            failures.Add($"{Prefix}:Mode is Required but no trusted client is configured under {Prefix}:Clients (set {Prefix}:Clients:0:Issuer and :JwksUrl or :Jwks, or set {Prefix}:Mode to Disabled for development).");
        }

        var issuers = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Clients.Count; i++)
        {
            ValidateClient(options.Clients[i], $"{Prefix}:Clients:{i}", issuers, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private void ValidateClient(TrustedClientOptions client, string key, HashSet<string> issuers, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(client.Issuer))
        {
            failures.Add($"{key}:Issuer is required.");
        }
        else if (!issuers.Add(client.Issuer))
        {
            failures.Add($"{key}:Issuer '{client.Issuer}' is configured twice.");
        }

        if (string.IsNullOrWhiteSpace(client.JwksUrl) && string.IsNullOrWhiteSpace(client.Jwks))
        {
            failures.Add($"{key} needs JwksUrl or Jwks: set {key}:JwksUrl (the allowlisted JWK Set URL) or {key}:Jwks (the JWK Set as inline JSON).");
        }

        if (!string.IsNullOrWhiteSpace(client.JwksUrl))
        {
            if (!Uri.TryCreate(client.JwksUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http") || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
            {
                failures.Add($"{key}:JwksUrl must be an absolute https URL.");
            }
            else if (url.Scheme == "http" && !IsLoopback(url) && !environment.IsDevelopment())
            {
                failures.Add($"{key}:JwksUrl must be https (or loopback http).");
            }
        }

        if (!string.IsNullOrWhiteSpace(client.Jwks))
        {
            var keys = JwksReader.TryReadSigningKeys(client.Jwks);
            if (keys is null)
            {
                failures.Add($"{key}:Jwks is not a JWK Set (expected JSON like {{\"keys\":[...]}}).");
            }
            else if (keys.Count == 0)
            {
                failures.Add($"{key}:Jwks has no usable key (each needs a kid, kty RSA or EC P-256/P-384/P-521, use sig or none, no private part).");
            }
        }

        for (var t = 0; t < client.Tenants.Count; t++)
        {
            if (string.IsNullOrWhiteSpace(client.Tenants[t]))
            {
                failures.Add($"{key}:Tenants:{t} must not be empty.");
            }
        }
    }

    private static bool IsBaseUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "https" or "http" && url.Query.Length == 0 && url.Fragment.Length == 0;

    private static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
