using BenchmarkDotNet.Attributes;
using CdsLmn.Service.CdsHooks;

namespace CdsLmn.Benchmarks;

/// <summary>The pipeline for a small, a typical and a large prefetch (one warning card each time).</summary>
public class HookPipelineBenchmarks : PipelineBenchmark
{
    [Params(10, 100, 1000)]
    public int Observations { get; set; }

    protected override byte[] CreateBody() => BenchRequests.OrderSelect(Observations);

    private protected override void Check(HookAnswer answer)
    {
        if (answer is not { Response.Cards.Count: 1 })
        {
            throw new InvalidOperationException("The bench request must produce exactly one card.");
        }
    }
}
