using System.Net;
using System.Net.Sockets;

namespace CdsLmn.Service.Tests.Pipeline.Commands;

/// <summary>
/// The real process refusing to start: one line on standard error naming the key and how to fix it, a non-zero
/// exit code, and neither an unhandled exception nor a stack trace.
/// </summary>
public sealed class StartupRefusalTests : IDisposable
{
    private readonly string _store = TestStore.NewPath();

    public void Dispose() => TestStore.Delete(_store);

    [Fact]
    public async Task RefusesRequiredAuthenticationWithoutATrustedClient()
    {
        var result = await ServiceProcess.RunAsync(["--urls", Loopback()], Settings("Production"));

        var line = AssertRefusedInOneLine(result);
        Assert.Contains("CdsLmn:Auth:Clients", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesABadClinicalOptionNamingItsKey()
    {
        var result = await ServiceProcess.RunAsync(["--urls", Loopback()],
            Settings("Development", ("CdsLmn__Clinical__ConductionBlock__FreshnessDays", "0")));

        var line = AssertRefusedInOneLine(result);
        Assert.Contains("CdsLmn:Clinical:ConductionBlock:FreshnessDays", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesAPortInUseNamingTheAddress()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var url = $"http://127.0.0.1:{((IPEndPoint)taken.LocalEndpoint).Port}";

        var result = await ServiceProcess.RunAsync(["--urls", url], Settings("Development"));

        var line = AssertRefusedInOneLine(result);
        Assert.Contains(url, line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HelpNamesTheUrlsOptionTheEnvironmentAndTheSubcommands()
    {
        var result = await ServiceProcess.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        foreach (var expected in new[] { "--urls", "ASPNETCORE_ENVIRONMENT", "report", "check-fhir" })
        {
            Assert.Contains(expected, result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("report")]
    [InlineData("check-fhir")]
    public async Task SubcommandHelpExitsZero(string command)
    {
        var result = await ServiceProcess.RunAsync([command, "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{command} [options]", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportAsJsonPrintsOnlyJsonOnStandardOutput()
    {
        // The service creates the store; the report then reads it without starting the web server.
        using (await ChildService.StartAsync(_store))
        {
        }
        var result = await ServiceProcess.RunAsync(["report", "--format", "json"], Settings("Production", ("CdsLmn__Storage__SqlitePath", _store)));

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal(System.Text.Json.JsonValueKind.Array, json.RootElement.GetProperty("rows").ValueKind);
    }

    private Dictionary<string, string> Settings(string environment, params (string Key, string Value)[] settings)
    {
        var all = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = environment, ["CdsLmn__Storage__SqlitePath"] = _store };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }
        return all;
    }

    private static string AssertRefusedInOneLine(ServiceProcess.Result result)
    {
        Assert.NotEqual(0, result.ExitCode);
        Assert.NotEqual(134, result.ExitCode);
        Assert.DoesNotContain("Unhandled", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("Aborted", result.All, StringComparison.Ordinal);
        var refusal = Assert.Single(result.Error.Split('\n'), l => l.StartsWith("CdsLmn cannot start:", StringComparison.Ordinal));
        return refusal;
    }

    private static string Loopback()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
    }
}
