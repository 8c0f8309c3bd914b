using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Pipeline.Stewardship;

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
            Assert.Equal(1, TestStore.Scalar(_path, "SELECT COUNT(*) FROM feedback WHERE card_uuid = $c", ("$c", entry["card"]!.GetValue<string>())));
        }
    }
}
