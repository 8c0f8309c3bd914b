using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests;

/// <summary>
/// Feedback is durable before it is acknowledged: the real service runs as a child process, takes concurrent
/// feedback, and is killed with SIGKILL right after enough 200s. Every acknowledged entry must be in the store.
/// </summary>
public sealed class FeedbackCrashTests : IDisposable
{
    private readonly string _path = TestStore.NewPath();

    public void Dispose() => TestStore.Delete(_path);

    [Fact]
    public async Task AcknowledgedFeedbackSurvivesSigkill()
    {
        var acknowledged = new ConcurrentBag<JsonObject>();
        using (var service = await ChildService.StartAsync(_path))
        {
            using var stop = new CancellationTokenSource();
            var posters = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var entries = Enumerable.Range(0, 3).Select(_ => FeedbackBodies.Overridden(FeedbackBodies.NewUuid(), code: "crash")).ToArray();
                    try
                    {
                        using var response = await service.Client.PostAsync(FeedbackBodies.SelectFeedbackUrl, TestData.Json(FeedbackBodies.Body(entries)), stop.Token);
                        if (response.StatusCode == HttpStatusCode.OK)
                        {
                            foreach (var entry in entries)
                            {
                                acknowledged.Add(entry);
                            }
                            if (acknowledged.Count >= 60)
                            {
                                service.Kill(); // SIGKILL on Linux, with other posts still in flight
                                await stop.CancelAsync();
                            }
                        }
                    }
                    catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
                    {
                        return; // the process is gone
                    }
                }
            })).ToArray();
            await Task.WhenAll(posters).WaitAsync(TimeSpan.FromSeconds(60));
            await service.WaitForExitAsync();
        }

        Assert.True(acknowledged.Count >= 60);
        using (var restarted = await ChildService.StartAsync(_path))
        {
            // Posting everything again stores nothing new: it was all there.
            var all = acknowledged.Select(e => (JsonObject)e.DeepClone()).ToArray();
            using var response = await restarted.Client.PostAsync(FeedbackBodies.SelectFeedbackUrl, TestData.Json(FeedbackBodies.Body(all)));
            var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(all.Length, receipt.GetProperty("received").GetInt32());
            Assert.Equal(0, receipt.GetProperty("stored").GetInt32());
            restarted.Kill();
            await restarted.WaitForExitAsync();
        }

        foreach (var entry in acknowledged)
        {
            Assert.Equal(1, FeedbackBodies.Scalar(_path, "SELECT COUNT(*) FROM feedback WHERE card_uuid = $c", ("$c", entry["card"]!.GetValue<string>())));
        }
    }

    /// <summary><c>dotnet CdsLmn.Service.dll --urls http://127.0.0.1:port</c> from the test output, on a given store.</summary>
    private sealed class ChildService : IDisposable
    {
        private readonly Process _process;
        private readonly ConcurrentQueue<string> _output = new();

        private ChildService(Process process, int port)
        {
            _process = process;
            Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
        }

        public HttpClient Client { get; }

        public static async Task<ChildService> StartAsync(string sqlitePath)
        {
            var port = FreePort();
            var dotnet = Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";
            var start = new ProcessStartInfo(dotnet)
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "CdsLmn.Service.dll"));
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            start.Environment["CdsLmn__Storage__SqlitePath"] = sqlitePath;
            start.Environment["Logging__LogLevel__Default"] = "Warning";

            var service = new ChildService(Process.Start(start)!, port);
            service._process.OutputDataReceived += (_, e) => service._output.Enqueue(e.Data ?? "");
            service._process.ErrorDataReceived += (_, e) => service._output.Enqueue(e.Data ?? "");
            service._process.BeginOutputReadLine();
            service._process.BeginErrorReadLine();
            await service.WaitReadyAsync();
            return service;
        }

        public void Kill() => _process.Kill();

        public Task WaitForExitAsync() => _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

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

        private async Task WaitReadyAsync()
        {
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(30))
            {
                if (_process.HasExited)
                {
                    break;
                }
                try
                {
                    using var response = await Client.GetAsync("/health/live");
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(100);
            }
            throw new InvalidOperationException($"The service did not start:\n{string.Join('\n', _output)}");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
    }
}
