using System.Buffers;
using System.Text.Json;
using System.Text.Unicode;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// The first checks every JSON POST of the wire protocol shares (hook calls and feedback): content type → 415,
/// size over <see cref="CdsHooksOptions.MaxRequestBodyBytes"/> → 413, bytes that are not valid Unicode → 400.
/// Never throws for bad input.
/// </summary>
internal static class JsonRequestBody
{
    /// <summary>The body's bytes, or the error outcome to answer with.</summary>
    public static async Task<(byte[]? Body, OperationOutcomeResult? Error)> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return (null, OperationOutcomeResult.UnsupportedMediaType(request.ContentType));
        }

        var body = await ReadBodyAsync(request, limit, cancellationToken);
        if (body is null)
        {
            return (null, OperationOutcomeResult.PayloadTooLarge(limit));
        }
        return Utf8.IsValid(body) && JsonStrings.AreValidUnicode(body)
            ? (body, null)
            : (null, OperationOutcomeResult.BadRequest("The body is not valid UTF-8 JSON: it holds bytes or escaped characters that are not valid Unicode."));
    }

    /// <summary>
    /// How every hook and feedback body is parsed: a member name twice in one object is refused (the platform's check),
    /// since readers disagree on which value wins (RFC 8259 §4 leaves it open).
    /// </summary>
    public static JsonDocumentOptions DocumentOptions { get; } = new() { MaxDepth = MaxDepth, AllowDuplicateProperties = false };

    /// <summary>How deeply a hook or feedback body may nest objects and arrays (System.Text.Json's own default).</summary>
    public const int MaxDepth = 64;

    /// <summary>System.Text.Json messages name the path and position, never the offending value.</summary>
    public static string DescribeJsonError(JsonException e) =>
        IsTooDeep(e) ? $"the body is nested more deeply than {MaxDepth} levels (objects and arrays within each other)."
        : DuplicateMember(e) is { } name ? $"duplicate member '{name}': a member name may appear only once in an object."
        : e.Path is { Length: > 0 } path ? $"invalid value at '{path.TrimStart('$', '.')}' (line {e.LineNumber + 1})."
        : $"malformed JSON (line {e.LineNumber + 1}).";

    // System.Text.Json says so only in its message: "The maximum configured depth of 64 has been exceeded. …".
    private static bool IsTooDeep(JsonException e) =>
        e.Message.Contains("maximum configured depth", StringComparison.Ordinal);

    /// <summary>The member name System.Text.Json reports as duplicated ("Duplicate property 'hook' …"), shortened and printable.</summary>
    private static string? DuplicateMember(JsonException e)
    {
        const string Prefix = "Duplicate property '";
        if (!e.Message.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }
        var end = e.Message.IndexOf("' ", Prefix.Length, StringComparison.Ordinal);
        var name = end < 0 ? "?" : e.Message[Prefix.Length..end];
        return name.Length <= 64 && name.All(c => c is >= ' ' and <= '~') ? name : "?";
    }

    /// <summary>Reads at most <paramref name="limit"/> bytes; null when the body is larger.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }
        if (request.ContentLength is { } length)
        {
            // The usual case: the length is known, so the body goes straight into its own array, once.
            var exact = new byte[length];
            var filled = 0;
            int got;
            while (filled < exact.Length && (got = await request.Body.ReadAsync(exact.AsMemory(filled), cancellationToken)) > 0)
            {
                filled += got;
            }
            return filled == exact.Length ? exact : exact[..filled];
        }

        using var buffer = new MemoryStream(16 * 1024);
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
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
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
