using CdsLmn.Service.Tests.Auth;

namespace CdsLmn.Service.Tests.Postgres;

/// <summary>
/// One replica of the service on a shared PostgreSQL database, as a hospital runs it behind a load balancer:
/// Development, and, when given a client key, client authentication required with the load balancer's URL as the
/// public base URL (so one token's audience is valid on every replica).
/// </summary>
public sealed class ReplicaAppFactory : CdsLmnAppFactory
{
    public const string Issuer = "https://ehr.example.org";
    public const string PublicBaseUrl = "https://cds.example.org";

    private readonly Dictionary<string, string?> _settings;

    internal ReplicaAppFactory(string connectionString, TestSigningKey? clientKey)
    {
        _settings = new Dictionary<string, string?>
        {
            ["CdsLmn:Storage:Provider"] = "Postgres",
            ["ConnectionStrings:CdsLmn"] = connectionString,
        };
        if (clientKey is not null)
        {
            _settings["CdsLmn:Auth:Mode"] = "Required";
            _settings["CdsLmn:PublicBaseUrl"] = PublicBaseUrl;
            _settings["CdsLmn:Auth:Clients:0:Issuer"] = Issuer;
            _settings["CdsLmn:Auth:Clients:0:Jwks"] = TestSigningKey.JwkSet(clientKey);
        }
    }

    protected override IReadOnlyDictionary<string, string?> Settings => _settings;
}
