using System.Text.Json;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// The first checks every JSON POST of the wire protocol shares (hook calls and feedback): content type → 415,
/// size over <see cref="CdsHooksOptions.MaxRequestBodyBytes"/> → 413. Never throws for bad input.
/// </summary>
public static class JsonRequestBody
{
    /// <summary>The body's bytes, or the error outcome to answer with.</summary>
    public static async Task<(byte[]? Body, OperationOutcomeResult? Error)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, OperationOutcomeResult.UnsupportedMediaType(request.ContentType));
        }

        var body = await ReadBodyAsync(request, limit, cancellationToken);
        return body is null ? (null, OperationOutcomeResult.PayloadTooLarge(limit)) : (body, null);
    }

    /// <summary>System.Text.Json messages name the path and position, never the offending value.</summary>
    public static string DescribeJsonError(JsonException e) =>
        e.Path is { Length: > 0 } path ? $"invalid value at '{path.TrimStart('$', '.')}' (line {e.LineNumber + 1})." : $"malformed JSON (line {e.LineNumber + 1}).";

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
}
