using BenchmarkDotNet.Attributes;

namespace CdsLmn.Benchmarks;

/// <summary>
/// The two bodies bench/load.sh replays — the typical IVIg order (examples/order-select-ivig.json, one warning card)
/// and a non-IVIg order (the sandbox's labetalol request, no card) — in process, each against its own baseline:
/// time and allocations per request.
/// </summary>
[MemoryDiagnoser]
public class HookBodyBenchmarks
{
    private BenchPipeline _pipeline = null!;
    private byte[] _body = [];

    [Params("order-select-ivig.json", "order-select-not-ivig.json")]
    public string Body { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = new BenchPipeline();
        _body = BenchPipeline.Body(Body);
        _pipeline.HandleAsync(_body).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.Dispose();

    [Benchmark(Baseline = true, Description = "baseline: JsonDocument + {\"cards\":[]}")]
    public int Baseline() => BenchPipeline.Baseline(_body);

    [Benchmark(Description = "service pipeline")]
    public Task<int> Pipeline() => _pipeline.RunAsync(_body);
}
