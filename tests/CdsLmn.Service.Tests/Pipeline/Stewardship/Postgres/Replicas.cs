using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Pipeline.Stewardship.Postgres;

/// <summary>Several replicas of the service over one database, started together, with the EHR's signing key they all trust.</summary>
internal sealed class Replicas : IAsyncDisposable
{
    private readonly TestSigningKey _key = TestSigningKey.Es384("ehr-1");
    private const string Issuer = "https://ehr.example.org";
    private const string PublicBaseUrl = "https://cds.example.org";

    private readonly List<CdsLmnApp> _replicas;

    private Replicas(string connectionString, int count, bool authRequired)
    {
        _replicas = [.. Enumerable.Range(0, count).Select(_ => Replica(connectionString, authRequired ? _key : null))];
    }

    public CdsLmnApp this[int index] => _replicas[index];

    public IReadOnlyList<CdsLmnApp> All => _replicas;

    /// <summary>
    /// One replica of the service on a shared PostgreSQL database, as a hospital runs it behind a load balancer:
    /// Development, and, when given a client key, client authentication required with the load balancer's URL as the
    /// public base URL (so one token's audience is valid on every replica).
    /// </summary>
    public static CdsLmnApp Replica(string connectionString, TestSigningKey? clientKey)
    {
        var settings = new AppSettings { PostgresConnectionString = connectionString };
        if (clientKey is not null)
        {
            settings = settings.With(
                ("CdsLmn:Auth:Mode", "Required"),
                ("CdsLmn:PublicBaseUrl", PublicBaseUrl),
                ("CdsLmn:Auth:Clients:0:Issuer", Issuer),
                ("CdsLmn:Auth:Clients:0:Jwks", TestSigningKey.JwkSet(clientKey)));
        }
        return new CdsLmnApp(settings);
    }

    /// <summary>Starts <paramref name="count"/> replicas at the same time (each migrates the database at start).</summary>
    public static async Task<Replicas> StartAsync(string connectionString, int count, bool authRequired = true)
    {
        var replicas = new Replicas(connectionString, count, authRequired);
        await Task.WhenAll(replicas._replicas.Select(replica => Task.Run(() => replica.Server)));
        return replicas;
    }

    /// <summary>A fresh valid token (new <c>jti</c>) for the endpoint at <paramref name="path"/>.</summary>
    public string Token(string path) =>
        ClientToken.Valid(_key, Issuer, PublicBaseUrl + path, DateTimeOffset.UtcNow).SignedBy(_key);

    public static async Task<HttpResponseMessage> PostAsync(CdsLmnApp replica, string path, JsonNode body, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = TestData.Json(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return await replica.CreateClient().SendAsync(request);
    }

    public static async Task<HttpStatusCode> ReadinessAsync(CdsLmnApp replica)
    {
        using var response = await replica.CreateClient().GetAsync("/health/ready");
        return response.StatusCode;
    }

    /// <summary>
    /// Waits until every replica's readiness answers <paramref name="expected"/>. Polled: readiness follows the database's
    /// state, and no event announces that a replica has noticed it; the 30 s deadline is generous, not a measurement.
    /// </summary>
    public static async Task WaitForReadinessAsync(IEnumerable<CdsLmnApp> replicas, HttpStatusCode expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        foreach (var replica in replicas)
        {
            HttpStatusCode status;
            while ((status = await ReadinessAsync(replica)) != expected)
            {
                Assert.False(deadline.IsCancellationRequested, $"/health/ready still answers {status}, not {expected}");
                await poll.WaitForNextTickAsync(CancellationToken.None);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }
        _key.Dispose();
    }
}
