using BenchmarkDotNet.Attributes;

namespace CdsLmn.Benchmarks;

/// <summary>
/// The two bodies bench/load.sh replays — the typical IVIg order (examples/order-select-ivig.json, one warning card)
/// and a non-IVIg order (the sandbox's labetalol request, no card) — each against its own baseline: time and
/// allocations per request.
/// </summary>
public class HookBodyBenchmarks : PipelineBenchmark
{
    [Params("order-select-ivig.json", "order-select-not-ivig.json")]
    public string Body { get; set; } = "";

    protected override byte[] CreateBody() => BenchPipeline.Body(Body);
}
