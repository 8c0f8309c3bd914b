using BenchmarkDotNet.Running;

namespace CdsLmn.Benchmarks;

/// <summary>dotnet run -c Release --project bench/CdsLmn.Benchmarks -- --filter '*'</summary>
public static class BenchmarkEntry
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkEntry).Assembly).Run(args);
}
