using System.Text.Json;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// System.Text.Json accepts an escaped lone surrogate ("\\ud800") while parsing and throws only when that string
/// is read, which could happen anywhere downstream. Requests are checked once, up front, instead.
/// </summary>
internal static class JsonStrings
{
    public static bool AreValidUnicode(ReadOnlySpan<byte> json)
    {
        if (!MayHoldEscapedSurrogate(json))
        {
            return true;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
                {
                    _ = reader.GetString();
                }
            }
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (JsonException)
        {
            return true; // malformed JSON is reported by the parser with its position
        }
    }

    /// <summary>Cheap pre-check: a surrogate can only be escaped as \uD800–\uDFFF.</summary>
    private static bool MayHoldEscapedSurrogate(ReadOnlySpan<byte> json)
    {
        for (var i = json.IndexOf("\\u"u8); i >= 0 && i + 3 < json.Length; )
        {
            if ((json[i + 2] | 0x20) == 'd' && (json[i + 3] | 0x20) is (byte)'8' or (byte)'9' or (byte)'a' or (byte)'b' or (byte)'c' or (byte)'d' or (byte)'e' or (byte)'f')
            {
                return true;
            }
            var next = json[(i + 2)..].IndexOf("\\u"u8);
            i = next < 0 ? -1 : i + 2 + next;
        }
        return false;
    }
}
