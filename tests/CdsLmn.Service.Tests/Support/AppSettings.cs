namespace CdsLmn.Service.Tests.Support;

/// <summary>How the app's clients authenticate (docs/cds-hooks-spec.md §6).</summary>
public enum AppAuth
{
    /// <summary>As the environment's appsettings say (Development: disabled).</summary>
    AsConfigured,

    /// <summary>
    /// Required, trusting the fake EHR's JWK Set served by WireMock (<see cref="FakeEhr.Issuer"/>) and a second EHR with
    /// an inline JWK Set and a tenant allowlist (<see cref="FakeEhr.TenantIssuer"/>); the public base URL is configured,
    /// as behind a proxy, so audiences are <see cref="CdsLmnApp.PublicBaseUrl"/>/... .
    /// </summary>
    WireMockEhr,

    /// <summary>Required, without a public base URL, trusting only the fake EHR's RS384 key as an inline JWK Set (<see cref="FakeEhr.InlineIssuer"/>).</summary>
    InlineKeyOnly,
}

/// <summary>Which of the service's log lines <see cref="CdsLmnApp.Logs"/> keeps.</summary>
public enum AppLogs
{
    /// <summary>At the levels the service is configured with, as an operator's console would show them.</summary>
    AsConfigured,

    /// <summary>Every line, every filter lifted to Trace (log-hygiene checks).</summary>
    Everything,
}

/// <summary>
/// Everything that makes one <see cref="CdsLmnApp"/> differ from another: environment, store, authentication, clocks,
/// logs and extra configuration. The default is the service in Development on an audit store of its own.
/// </summary>
public sealed record AppSettings
{
    public static AppSettings Development { get; } = new();

    /// <summary>
    /// The service in Production configured by deploy/appsettings.Production.example.json, as an operator would start
    /// it, plus what comes from a secret: the PostgreSQL connection string (a closed loopback port; an unreachable
    /// database does not stop the start, readiness stays red).
    /// </summary>
    public static AppSettings ProductionExample { get; } = new() { Environment = "Production", DeployExample = true };

    public string Environment { get; init; } = "Development";

    /// <summary>Adds deploy/appsettings.Production.example.json over appsettings, with a PostgreSQL connection string on a closed port.</summary>
    public bool DeployExample { get; init; }

    /// <summary>A SQLite store file kept on dispose (restart tests: a second app on the same file); null: a file of its own, deleted on dispose.</summary>
    public string? SharedSqlitePath { get; init; }

    /// <summary>The audit store on this PostgreSQL database instead of SQLite.</summary>
    public string? PostgresConnectionString { get; init; }

    public AppAuth Auth { get; init; } = AppAuth.AsConfigured;

    /// <summary>The auth clock (<see cref="CdsLmnApp.AuthClock"/>) starts now and moves only when the test says so.</summary>
    public bool ManualAuthClock { get; init; }

    /// <summary>The FHIR breakers read a fake clock (<see cref="CdsLmnApp.BreakerClock"/>): "the break is over" is a clock step.</summary>
    public bool FakeBreakerClock { get; init; }

    public AppLogs Logs { get; init; } = AppLogs.AsConfigured;

    /// <summary>The host may fail to start (start-up validation tests): disposing a host that never started is then not an error.</summary>
    public bool StartMayFail { get; init; }

    /// <summary>Configuration on top of everything else.</summary>
    public IReadOnlyDictionary<string, string?> Configuration { get; init; } = new Dictionary<string, string?>();

    /// <summary>These settings with <paramref name="configuration"/> added to <see cref="Configuration"/>.</summary>
    public AppSettings With(params (string Key, string? Value)[] configuration)
    {
        var all = new Dictionary<string, string?>(Configuration);
        foreach (var (key, value) in configuration)
        {
            all[key] = value;
        }
        return this with { Configuration = all };
    }
}
