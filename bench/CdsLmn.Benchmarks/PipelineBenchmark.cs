using BenchmarkDotNet.Attributes;

namespace CdsLmn.Benchmarks;

/// <summary>
/// One body through the in-process service pipeline (<see cref="BenchPipeline"/>) against the baseline of parsing
/// the same body into a JsonDocument and answering <c>{"cards":[]}</c>; subclasses choose the body.
/// </summary>
[MemoryDiagnoser]
public abstract class PipelineBenchmark
{
    private BenchPipeline _pipeline = null!;
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup()
    {
        _pipeline = new BenchPipeline();
        _body = CreateBody();
        Check(_pipeline.HandleAsync(_body).GetAwaiter().GetResult());
    }

    [GlobalCleanup]
    public void Cleanup() => _pipeline.Dispose();

    [Benchmark(Baseline = true, Description = "baseline: JsonDocument + {\"cards\":[]}")]
    public int Baseline() => BenchPipeline.Baseline(_body);

    [Benchmark(Description = "service pipeline")]
    public Task<int> Pipeline() => _pipeline.RunAsync(_body);

    protected abstract byte[] CreateBody();

    /// <summary>Refuses a body that does not give the answer the benchmark is about.</summary>
    private protected virtual void Check(Service.CdsHooks.HookAnswer answer)
    {
        if (answer.Response is null)
        {
            throw new InvalidOperationException($"The bench request was refused: {answer.Error?.Diagnostics}");
        }
    }
}
