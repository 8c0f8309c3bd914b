using BenchmarkDotNet.Attributes;

namespace CdsLmn.Benchmarks;

/// <summary>
/// The in-process hook pipeline for a small, a typical and a large prefetch, against the baseline of merely parsing
/// the same body into a JsonDocument and answering <c>{"cards":[]}</c>.
/// </summary>
[MemoryDiagnoser]
public class HookPipelineBenchmarks
{
    private BenchPipeline _pipeline = null!;
    private byte[] _body = [];

    [Params(10, 100, 1000)]
    public int Observations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = new BenchPipeline();
        _body = BenchRequests.OrderSelect(Observations);
        if (_pipeline.HandleAsync(_body).GetAwaiter().GetResult() is not { Response.Cards.Count: 1 })
        {
            throw new InvalidOperationException("The bench request must produce exactly one card.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.Dispose();

    [Benchmark(Baseline = true, Description = "baseline: JsonDocument + {\"cards\":[]}")]
    public int Baseline() => BenchPipeline.Baseline(_body);

    [Benchmark(Description = "service pipeline")]
    public Task<int> Pipeline() => _pipeline.RunAsync(_body);
}
