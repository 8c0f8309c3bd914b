using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>
/// The trusted clients and their signing keys. Inline JWK Sets are read once; an allowlisted JWK Set URL is the only
/// address ever fetched for its issuer, through the <see cref="ClientAuthentication.JwksHttpClientName"/> client.
/// A fetched set is cached; it is fetched again when a token names an unknown <c>kid</c> or the cache is older than
/// <see cref="ClientAuthOptions.JwksCacheDuration"/>, but never more than once per
/// <see cref="ClientAuthOptions.JwksMinRefreshInterval"/> per issuer, so a stream of made-up kids cannot make us
/// hammer the EHR. Lookups (<see cref="GetSigningKeys"/>) are synchronous and read only the cache.
/// </summary>
internal sealed partial class ClientKeyStore
{
    private readonly Dictionary<string, IssuerKeys> _issuers;
    private readonly ClientAuthOptions _options;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _clock;
    private readonly ILogger<ClientKeyStore> _logger;

    public ClientKeyStore(
        IOptions<ClientAuthOptions> options,
        IHttpClientFactory httpClientFactory,
        [FromKeyedServices(ClientAuthentication.ClockKey)] TimeProvider clock,
        ILogger<ClientKeyStore> logger)
    {
        _options = options.Value;
        _httpClientFactory = httpClientFactory;
        _clock = clock;
        _logger = logger;
        _issuers = _options.Clients
            .Where(c => !string.IsNullOrEmpty(c.Issuer))
            .ToDictionary(c => c.Issuer!, c => new IssuerKeys(c, JwksReader.TryReadSigningKeys(c.Jwks) ?? []), StringComparer.Ordinal);
    }

    public int ClientCount => _issuers.Count;

    /// <summary>The trusted client whose <c>iss</c> this is, or null.</summary>
    public TrustedClientOptions? FindClient(string? issuer) =>
        issuer is not null && _issuers.TryGetValue(issuer, out var entry) ? entry.Client : null;

    /// <summary>
    /// Makes sure the cache is as fresh as the rate limit allows for a token naming <paramref name="kid"/>;
    /// true when the issuer then has a key with that kid.
    /// </summary>
    public async Task<bool> EnsureKeyAsync(string issuer, string kid, CancellationToken cancellationToken)
    {
        if (!_issuers.TryGetValue(issuer, out var entry))
        {
            return false;
        }
        if (entry.Client.JwksUrl is not { Length: > 0 } || !NeedsFetch(entry, kid, _clock.GetUtcNow()))
        {
            return entry.Has(kid);
        }

        await entry.Gate.WaitAsync(cancellationToken);
        try
        {
            // Another request may have fetched while this one waited.
            var now = _clock.GetUtcNow();
            if (!NeedsFetch(entry, kid, now))
            {
                return entry.Has(kid);
            }
            entry.LastAttemptTicks = now.UtcTicks;
            var keys = await FetchAsync(issuer, entry.Client.JwksUrl, cancellationToken);
            if (keys is not null)
            {
                entry.Fetched = new FetchedKeys(keys, now);
                LogFetched(issuer, keys.Count);
            }
            return entry.Has(kid);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    /// <summary>
    /// The issuer's cached keys with this <c>kid</c> that fit the token's <c>alg</c> (key type, curve, and the JWK's own
    /// <c>alg</c> when it has one), for <see cref="TokenValidationParameters.IssuerSigningKeyResolver"/>.
    /// </summary>
    public IReadOnlyList<SecurityKey> GetSigningKeys(string? issuer, string? kid, string? algorithm)
    {
        if (issuer is null || kid is null || algorithm is null || !_issuers.TryGetValue(issuer, out var entry))
        {
            return [];
        }
        return entry.Inline.Concat(entry.Fetched.Keys)
            .Where(k => k.Kid == kid && Fits(k, algorithm))
            .ToList<SecurityKey>();
    }

    private bool NeedsFetch(IssuerKeys entry, string kid, DateTimeOffset now)
    {
        var fetched = entry.Fetched;
        var fresh = fetched.At is { } at && now - at < _options.JwksCacheDuration;
        if (fresh && entry.Has(kid))
        {
            return false;
        }
        var lastAttempt = entry.LastAttemptTicks;
        return lastAttempt == 0 || now.UtcTicks - lastAttempt >= _options.JwksMinRefreshInterval.Ticks;
    }

    private async Task<IReadOnlyList<JsonWebKey>?> FetchAsync(string issuer, string url, CancellationToken cancellationToken)
    {
        try
        {
            var http = _httpClientFactory.CreateClient(ClientAuthentication.JwksHttpClientName);
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Accept.ParseAdd("application/json");
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogFetchFailed(issuer, $"HTTP {(int)response.StatusCode}");
                return null;
            }
            var keys = JwksReader.TryReadSigningKeys(await response.Content.ReadAsStringAsync(cancellationToken));
            if (keys is null)
            {
                LogFetchFailed(issuer, "not a JWK Set");
            }
            return keys;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException)
        {
            LogFetchFailed(issuer, e.GetType().Name);
            return null;
        }
    }

    private static bool Fits(JsonWebKey key, string algorithm)
    {
        if (!string.IsNullOrEmpty(key.Alg) && key.Alg != algorithm)
        {
            return false;
        }
        return algorithm switch
        {
            SecurityAlgorithms.EcdsaSha256 => key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve && key.Crv == JsonWebKeyECTypes.P256,
            SecurityAlgorithms.EcdsaSha384 => key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve && key.Crv == JsonWebKeyECTypes.P384,
            SecurityAlgorithms.EcdsaSha512 => key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve && key.Crv == JsonWebKeyECTypes.P521,
            _ when ClientTokenRules.RsaAlgorithms.Contains(algorithm) => key.Kty == JsonWebAlgorithmsKeyTypes.RSA,
            _ => false,
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fetched the JWK Set of client {Issuer}: {KeyCount} usable keys")]
    private partial void LogFetched(string issuer, int keyCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not fetch the JWK Set of client {Issuer} ({Problem}); keeping the cached keys")]
    private partial void LogFetchFailed(string issuer, string problem);

    private sealed record FetchedKeys(IReadOnlyList<JsonWebKey> Keys, DateTimeOffset? At);

    private sealed class IssuerKeys(TrustedClientOptions client, IReadOnlyList<JsonWebKey> inline)
    {
        private FetchedKeys _fetched = new([], null);
        private long _lastAttemptTicks;

        public TrustedClientOptions Client => client;

        public IReadOnlyList<JsonWebKey> Inline => inline;

        public SemaphoreSlim Gate { get; } = new(1, 1);

        public FetchedKeys Fetched
        {
            get => Volatile.Read(ref _fetched);
            set => Volatile.Write(ref _fetched, value);
        }

        public long LastAttemptTicks
        {
            get => Interlocked.Read(ref _lastAttemptTicks);
            set => Interlocked.Exchange(ref _lastAttemptTicks, value);
        }

        public bool Has(string kid) => Inline.Any(k => k.Kid == kid) || Fetched.Keys.Any(k => k.Kid == kid);
    }
}
