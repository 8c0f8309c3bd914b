using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CdsLmn.Service.Tests.Support;

/// <summary>
/// The real service as a child process: <c>dotnet CdsLmn.Service.dll --urls http://127.0.0.1:port</c> from the test
/// output, in Development, configured through environment variables. For what only a process shows: SIGKILL, SIGTERM.
/// </summary>
internal sealed class ChildService : IDisposable
{
    private readonly Process _process;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaited = new();

    private ChildService(Process process, int port)
    {
        _process = process;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public HttpClient Client { get; }

    /// <summary>The service on a SQLite store file.</summary>
    public static Task<ChildService> StartAsync(string sqlitePath) =>
        StartAsync(new Dictionary<string, string> { ["CdsLmn__Storage__SqlitePath"] = sqlitePath });

    public static async Task<ChildService> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var port = FreePort();
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Logging__LogLevel__Default"] = "Warning",
            // The host's own lines ("Application started.", "Application is shutting down...") are the signals waited for.
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        foreach (var (key, value) in environment)
        {
            settings[key] = value;
        }
        var start = ServiceProcess.StartInfo(["--urls", $"http://127.0.0.1:{port}"], settings);
        var service = new ChildService(Process.Start(start)!, port);
        service._process.OutputDataReceived += (_, e) => service.Received(e.Data ?? "");
        service._process.ErrorDataReceived += (_, e) => service.Received(e.Data ?? "");
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        await service.WaitReadyAsync();
        return service;
    }

    public void Kill() => _process.Kill();

    /// <summary>SIGTERM, what a container runtime sends to stop the service gracefully.</summary>
    public void Terminate()
    {
        using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    public int ExitCode => _process.ExitCode;

    /// <summary>What the service printed (standard output and error).</summary>
    public string Output => string.Join('\n', _output);

    public Task WaitForExitAsync() => _process.WaitForExitAsync().WaitAsync(Deadline);

    /// <summary>Completes once the service has printed a line containing <paramref name="text"/>.</summary>
    public Task PrintedAsync(string text)
    {
        var printed = _awaited.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            printed.TrySetResult();
        }
        return printed.Task.WaitAsync(Deadline);
    }

    private void Received(string line)
    {
        _output.Enqueue(line);
        foreach (var (text, printed) in _awaited)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                printed.TrySetResult();
            }
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        Client.Dispose();
    }

    /// <summary>Waits for the host's "Application started." (Kestrel is listening), or fails with what the service printed if it exits first.</summary>
    private async Task WaitReadyAsync()
    {
        var started = PrintedAsync("Application started.");
        try
        {
            await Task.WhenAny(started, _process.WaitForExitAsync()).WaitAsync(Deadline);
        }
        catch (TimeoutException)
        {
        }
        if (!started.IsCompletedSuccessfully)
        {
            throw new InvalidOperationException($"The service did not start:\n{Output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
