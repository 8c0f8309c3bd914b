using CdsLmn.Clinical.Advising;
using System.Diagnostics;
using CdsLmn.Clinical;
using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.Evidence;
using Microsoft.Extensions.DependencyInjection;

namespace CdsLmn.Benchmarks;

/// <summary>
/// A per-stage stopwatch over warm iterations of one body (<c>-- stages [file] [iterations]</c>): where a call's
/// time and allocations go — request, draft orders, prefetch binding, decision, and the rest (card, ledger, audit,
/// JSON answer). Coarser than a sampling profile, but it runs anywhere.
/// </summary>
public static class StageProfile
{
    public static async Task RunAsync(string fileName, int iterations)
    {
        using var pipeline = new BenchPipeline();
        var body = BenchPipeline.Body(fileName);
        var advisor = pipeline.Services.GetRequiredService<IvigAdvisor>();
        var relevance = pipeline.Services.GetRequiredService<ResultRelevance>();
        var stages = new (string Name, long Ticks, long Bytes)[6];
        string[] names = ["request (read, validate)", "draft orders (Firely)", "prefetch (screen, Firely)", "decision (IvigAdvisor)", "whole call, answer serialized", "baseline (JsonDocument)"];

        for (var i = 0; i < iterations * 2; i++)
        {
            var measure = i >= iterations; // the first half warms up
            var (call, _) = await Stage(0, () => pipeline.ReadAsync(body));
            var request = new EvidenceRequest
            {
                PatientId = call!.PatientId, UserId = call.UserId, DraftOrders = call.DraftOrders, Selections = call.Selections,
                Prefetch = call.Request.Prefetch, Templates = call.Service.Prefetch,
            };
            var drafts = await Stage(1, () => Task.FromResult(EvidenceGatherer.FromDraftOrders(request)));
            if (advisor.MayConcernIvig(drafts.ToClinicalEvidence()))
            {
                var evidence = await Stage(2, () => Task.FromResult(EvidenceGatherer.WithPrefetch(request, drafts, relevance)));
                await Stage(3, () => Task.FromResult(advisor.Assess(evidence.ToClinicalEvidence(), call.Kind.Stage(), DateTimeOffset.UtcNow)));
            }
            await Stage(4, () => pipeline.RunAsync(body));
            await Stage(5, () => Task.FromResult(BenchPipeline.Baseline(body)));

            async Task<T> Stage<T>(int index, Func<Task<T>> run)
            {
                var bytes = GC.GetAllocatedBytesForCurrentThread();
                var started = Stopwatch.GetTimestamp();
                var result = await run();
                if (measure)
                {
                    stages[index].Ticks += Stopwatch.GetTimestamp() - started;
                    stages[index].Bytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
                }
                return result;
            }
        }

        Console.WriteLine($"{fileName}, {iterations} warm iterations, per call:");
        for (var i = 0; i < stages.Length; i++)
        {
            Console.WriteLine($"  {names[i],-32} {stages[i].Ticks * 1_000_000.0 / Stopwatch.Frequency / iterations,9:0.0} µs {stages[i].Bytes / 1024.0 / iterations,9:0.0} KB");
        }
    }
}
