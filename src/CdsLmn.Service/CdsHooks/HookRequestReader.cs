using System.Text.Json;
using System.Text.Unicode;
using CdsLmn.Clinical;
using CdsLmn.Service.CdsHooks.Models;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// Reads and validates a hook request body (cds-hooks-spec.md §2, §10 items 11–18): content type → 415,
/// size → 413, JSON and REQUIRED members → 400. Never throws for bad input.
/// </summary>
public sealed class HookRequestReader(IOptions<CdsHooksOptions> options)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public async Task<(HookCall? Call, OperationOutcomeResult? Error)> ReadAsync(HttpRequest request, CdsService service, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, OperationOutcomeResult.UnsupportedMediaType(request.ContentType));
        }

        var limit = options.Value.MaxRequestBodyBytes;
        var body = await ReadBodyAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return (null, OperationOutcomeResult.PayloadTooLarge(limit));
        }

        if (!Utf8.IsValid(body) || !JsonStrings.AreValidUnicode(body))
        {
            return (null, OperationOutcomeResult.BadRequest("The body is not valid UTF-8 JSON: it holds bytes or escaped characters that are not valid Unicode."));
        }

        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            var problem = RequestShape.FindProblem(document.RootElement, service);
            if (problem is not null)
            {
                return (null, OperationOutcomeResult.BadRequest(problem));
            }
            return (ToHookCall(document.RootElement, service), null);
        }
        catch (JsonException e)
        {
            return (null, OperationOutcomeResult.BadRequest($"The body is not a valid CDS Hooks request: {DescribeJsonError(e)}"));
        }

    }

    private static HookCall ToHookCall(JsonElement root, CdsService service)
    {
        var request = root.Deserialize(CdsJsonContext.Default.CdsRequest)!;
        if (service.Hook == HookNames.OrderSelect)
        {
            var context = request.Context.Deserialize(CdsJsonContext.Default.OrderSelectContext)!;
            return new HookCall
            {
                Service = service,
                Request = request,
                Kind = HookKind.OrderSelect,
                PatientId = context.PatientId,
                UserId = context.UserId,
                EncounterId = context.EncounterId,
                Selections = context.Selections,
                DraftOrders = context.DraftOrders,
            };
        }

        var signContext = request.Context.Deserialize(CdsJsonContext.Default.OrderSignContext)!;
        return new HookCall
        {
            Service = service,
            Request = request,
            Kind = HookKind.OrderSign,
            PatientId = signContext.PatientId,
            UserId = signContext.UserId,
            EncounterId = signContext.EncounterId,
            DraftOrders = signContext.DraftOrders,
        };
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        using var buffer = new MemoryStream(request.ContentLength is { } length ? (int)length : 16 * 1024);
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    // System.Text.Json messages name the path and position, never the offending value.
    private static string DescribeJsonError(JsonException e) =>
        e.Path is { Length: > 0 } path ? $"invalid value at '{path.TrimStart('$', '.')}' (line {e.LineNumber + 1})." : $"malformed JSON (line {e.LineNumber + 1}).";
}
