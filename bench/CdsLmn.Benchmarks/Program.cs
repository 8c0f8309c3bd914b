using System.Globalization;
using BenchmarkDotNet.Running;

namespace CdsLmn.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/CdsLmn.Benchmarks -- --filter '*'</c> (BenchmarkDotNet), or
/// <c>-- stages [body file] [iterations]</c> for the per-stage stopwatch (<see cref="StageProfile"/>).
/// </summary>
public static class BenchmarkEntry
{
    public static async Task Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "stages")
        {
            await StageProfile.RunAsync(args.Length > 1 ? args[1] : "order-select-ivig.json", args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 2000);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
    }
}
