using System.Text;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// A sentence of report text as the card quotes it: whitespace runs (line breaks included) collapsed to one space,
/// trimmed, and cut to a maximum length around the words it rests on, with "…" where it was cut.
/// </summary>
internal static class ReportTextQuote
{
    private const string Ellipsis = "…";

    /// <param name="text">The whole report text.</param>
    /// <param name="start">Start of the sentence in <paramref name="text"/>.</param>
    /// <param name="end">Exclusive end of the sentence.</param>
    /// <param name="focusStart">Start of the words that must stay visible (inside the sentence, not whitespace).</param>
    /// <param name="focusEnd">Exclusive end of those words.</param>
    /// <param name="maxLength">At least 20.</param>
    public static string Of(string text, int start, int end, int focusStart, int focusEnd, int maxLength)
    {
        var builder = new StringBuilder(end - start);
        var space = false;
        int fs = 0, fe = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }

            if (space)
            {
                builder.Append(' ');
                space = false;
            }

            if (i == focusStart)
            {
                fs = builder.Length;
            }

            builder.Append(c);
            if (i == focusEnd - 1)
            {
                fe = builder.Length;
            }
        }

        return Shorten(builder.ToString(), fs, Math.Max(fs, fe), maxLength);
    }

    internal static string Shorten(string s, int focusStart, int focusEnd, int maxLength)
    {
        if (s.Length <= maxLength)
        {
            return s;
        }

        int from, to;
        if (focusEnd <= maxLength - 1)
        {
            // The focus fits in the opening: keep the start, cut only the tail.
            from = 0;
            to = maxLength - 1;
        }
        else
        {
            var keep = maxLength - 2;
            from = Math.Max(0, focusStart - (Math.Max(0, keep - (focusEnd - focusStart)) / 2));
            to = Math.Min(s.Length, from + keep);
            if (to == s.Length)
            {
                from = s.Length - (maxLength - 1);
            }
        }

        if (from > 0 && from < focusStart && s[from - 1] != ' ')
        {
            var space = s.IndexOf(' ', from, focusStart - from);
            from = space < 0 ? from : space + 1;
        }

        if (to < s.Length && to > focusEnd && s[to] != ' ')
        {
            var space = s.LastIndexOf(' ', to - 1, to - focusEnd);
            to = space < 0 ? to : space;
        }

        var middle = s[from..to].Trim();
        return (from > 0 ? Ellipsis : string.Empty) + middle + (to < s.Length ? Ellipsis : string.Empty);
    }
}
