using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CdsLmn.Service.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster for the tests: <c>initdb</c> in a temp directory, <c>pg_ctl start</c> on a free loopback
/// port (as the <c>postgres</c> user when the tests run as root, since the server refuses to run as root), stopped and
/// deleted at the end. One per test run, shared by the <see cref="PostgresCollection"/>; each test class takes a database
/// of its own. When PostgreSQL cannot be started the tests fail with the reason — they are never skipped.
/// </summary>
public sealed class PostgresCluster : IAsyncLifetime
{
    private const string RootUser = "postgres";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"cdslmn-pg-{Guid.NewGuid():N}");
    private string _binaries = "";
    private int _databases;

    public int Port { get; private set; }

    public string Superuser { get; private set; } = "";

    private string DataDirectory => Path.Combine(_directory, "data");

    private static bool IsRoot => Environment.UserName == "root";

    public async Task InitializeAsync()
    {
        _binaries = FindBinaries();
        Port = FreePort();
        Superuser = IsRoot ? RootUser : Environment.UserName;
        Directory.CreateDirectory(_directory);
        if (IsRoot)
        {
            await RunAsync("chown", [RootUser, _directory]);
        }
        await RunPostgresAsync("initdb", ["-D", DataDirectory, "-A", "trust", "-U", Superuser, "-E", "UTF8", "--no-sync"]);
        await StartAsync();
    }

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) and waits until it accepts connections.</summary>
    public Task StartAsync() => RunPostgresAsync("pg_ctl",
    [
        "-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60",
        "-o", $"-p {Port} -c listen_addresses=127.0.0.1 -k {_directory} -c fsync=off -c full_page_writes=off -c max_connections=300",
        "start",
    ]);

    /// <summary>Stops the server at once (fast mode: open connections are cut, as in an outage).</summary>
    public Task StopAsync() => RunPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "fast", "-w", "stop"]);

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}".ToLowerInvariant();
        // Unpooled: a pooled connection would not have survived a test's StopAsync/StartAsync.
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString("postgres")) { Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
        return ConnectionString(name);
    }

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        Timeout = 5,
    }.ToString();

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            await RunPostgresAsync("pg_ctl", ["-D", DataDirectory, "-m", "immediate", "-w", "stop"]);
        }
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>The newest PostgreSQL server binaries: /usr/lib/postgresql/*/bin (Debian), else initdb on the PATH.</summary>
    private static string FindBinaries()
    {
        const string Debian = "/usr/lib/postgresql";
        var candidates = (Directory.Exists(Debian) ? Directory.GetDirectories(Debian) : [])
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0);
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Where(dir => File.Exists(Path.Combine(dir, "initdb")));
        return candidates.Concat(onPath).FirstOrDefault()
            ?? throw new InvalidOperationException(
                "PostgreSQL server binaries not found (no /usr/lib/postgresql/*/bin/initdb, no initdb on PATH): install the postgresql package (.ci/run does).");
    }

    private Task RunPostgresAsync(string program, IReadOnlyList<string> arguments)
    {
        var path = Path.Combine(_binaries, program);
        return IsRoot ? RunAsync("runuser", ["-u", RootUser, "--", path, .. arguments]) : RunAsync(path, arguments);
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"PostgreSQL could not be started for the tests: {program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}\n{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Every test class that needs PostgreSQL: they share one cluster and run one after another (one may stop it).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
