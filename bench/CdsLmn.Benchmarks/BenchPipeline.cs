using System.Text.Json;
using CdsLmn.Service.CdsHooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using CdsLmn.Service.Http;

namespace CdsLmn.Benchmarks;

/// <summary>
/// The real service in process (Development, its own store, the rate limit lifted) and one hook call through it
/// without a socket: read and validate the request, gather and decide, build and serialize the answer. The
/// baseline is what bench/Baseline does: parse the body into a JsonDocument and write <c>{"cards":[]}</c>.
/// </summary>
internal sealed class BenchPipeline : IDisposable
{
    private static readonly byte[] Silence = """{"cards":[]}"""u8.ToArray();

    private readonly WebApplicationFactory<Program> _app;
    private readonly string _store = Path.Combine(Path.GetTempPath(), $"cdslmn-bench-{Guid.NewGuid():N}.db");

    public BenchPipeline()
    {
        _app = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("CdsLmn:Storage:SqlitePath", _store);
            builder.UseSetting("CdsLmn:RateLimit:PermitLimit", "1000000");
        });
        Reader = _app.Services.GetRequiredService<HookRequestReader>();
        Handler = _app.Services.GetRequiredService<HookHandler>();
        Service = _app.Services.GetRequiredService<CdsServiceCatalog>().Find("ivig-lmn-order-select")!;
    }

    public IServiceProvider Services => _app.Services;

    public HookRequestReader Reader { get; }

    public HookHandler Handler { get; }

    public CdsService Service { get; }

    public static byte[] Body(string fileName) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, fileName));

    public static int Baseline(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        var output = new MemoryStream();
        output.Write(Silence);
        return (document.RootElement.ValueKind == JsonValueKind.Object ? 1 : 0) + (int)output.Length;
    }

    /// <summary>The whole call, answer serialized; returns the answer's length.</summary>
    public async Task<int> RunAsync(byte[] body)
    {
        var answer = await HandleAsync(body);
        var output = new MemoryStream();
        await JsonSerializer.SerializeAsync(output, answer.Response!, CdsJson.Options);
        return (int)output.Length;
    }

    public async Task<HookAnswer> HandleAsync(byte[] body)
    {
        var (call, error) = await ReadAsync(body);
        return error is null ? await Handler.HandleAsync(call!, CancellationToken.None) : throw new InvalidOperationException(error.Diagnostics);
    }

    public async Task<(HookCall? Call, OperationOutcomeResult? Error)> ReadAsync(byte[] body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body, writable: false);
        return await Reader.ReadAsync(context.Request, Service, CancellationToken.None);
    }

    public void Dispose()
    {
        _app.Dispose();
        foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(_store) + "*"))
        {
            File.Delete(file);
        }
    }
}
