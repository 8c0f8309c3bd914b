using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CdsLmn.Service.CdsHooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CdsLmn.Benchmarks;

/// <summary>
/// The in-process hook pipeline — read and validate the request, gather evidence from prefetch, decide, build and
/// serialize the card — for a small, a typical and a large prefetch, against the baseline of merely parsing the
/// same body into a JsonDocument and answering <c>{"cards":[]}</c>.
/// </summary>
[MemoryDiagnoser]
public class HookPipelineBenchmarks
{
    private static readonly byte[] Silence = """{"cards":[]}"""u8.ToArray();

    private WebApplicationFactory<Program> _app = null!;
    private HookRequestReader _reader = null!;
    private HookHandler _handler = null!;
    private CdsService _service = null!;
    private byte[] _body = [];
    private string _store = "";

    [Params(10, 100, 1000)]
    public int Observations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = Path.Combine(Path.GetTempPath(), $"cdslmn-bench-{Guid.NewGuid():N}.db");
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("CdsLmn:Storage:SqlitePath", _store);
            builder.UseSetting("CdsLmn:RateLimit:PermitLimit", "1000000");
        });
        _reader = _app.Services.GetRequiredService<HookRequestReader>();
        _handler = _app.Services.GetRequiredService<HookHandler>();
        _service = _app.Services.GetRequiredService<CdsServiceCatalog>().Find("ivig-lmn-order-select")!;
        _body = BenchRequests.OrderSelect(Observations);
        if (RunPipeline().GetAwaiter().GetResult() is not { Response.Cards.Count: 1 })
        {
            throw new InvalidOperationException("The bench request must produce exactly one card.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _app.Dispose();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_store) + "*"))
        {
            File.Delete(file);
        }
    }

    [Benchmark(Baseline = true, Description = "baseline: JsonDocument + {\"cards\":[]}")]
    public int Baseline()
    {
        using var document = JsonDocument.Parse(_body);
        var output = new MemoryStream();
        output.Write(Silence);
        return document.RootElement.GetArrayLengthOrZero() + (int)output.Length;
    }

    [Benchmark(Description = "service pipeline")]
    public async Task<int> Pipeline()
    {
        var outcome = await RunPipeline();
        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, outcome.Response!, CdsJson.Options);
        return (int)output.Length;
    }

    private async Task<HookOutcome> RunPipeline()
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = _body.Length;
        context.Request.Body = new MemoryStream(_body, writable: false);
        var (call, error) = await _reader.ReadAsync(context.Request, _service, CancellationToken.None);
        return error is null ? await _handler.HandleAsync(call!, CancellationToken.None) : throw new InvalidOperationException(error.Diagnostics);
    }
}

internal static class JsonElementExtensions
{
    public static int GetArrayLengthOrZero(this JsonElement element) => element.ValueKind == JsonValueKind.Array ? element.GetArrayLength() : 0;
}
