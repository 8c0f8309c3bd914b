using System.Collections.Frozen;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// Where sentences and clauses end in a report's free text. A sentence ends at "." or "!" followed by whitespace
/// (not after an abbreviation such as "vs." or "approx.", so "1.2 mV" and "N. ulnaris" stay whole), and at a line
/// break that starts a new statement; a clause also ends at ";".
/// </summary>
internal static class ReportTextSentences
{
    private static readonly FrozenSet<string> Abbreviations = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "vs", "approx", "e.g", "i.e", "eg", "ie", "cf", "ca", "dr", "prof", "fig", "resp", "incl", "esp", "nn", "st", "pt", "ref");

    // A line that ends, or a next line that starts, with one of these continues the statement: report text is often
    // wrapped at a fixed width, so "NO EVIDENCE OF\nCONDUCTION BLOCK" is one sentence, "No denervation\nConduction block ..." two.
    private static readonly FrozenSet<string> ContinuationWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "a", "an", "the", "of", "or", "and", "nor", "no", "not", "without", "with", "for", "in", "at", "to", "from", "by", "on",
        "any", "is", "are", "was", "were", "be", "been", "as", "than", "none", "absent", "seen", "present");

    /// <summary>Exclusive end offsets, ascending; the last is always the text's length.</summary>
    public static List<int> Ends(string text, bool clauses)
    {
        var ends = new List<int>();
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '.' or '!' when (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !IsAbbreviation(text, i):
                case ';' when clauses:
                    ends.Add(i + 1);
                    break;
                case '\n' when StartsNewStatement(text, i):
                    ends.Add(i);
                    break;
            }
        }

        if (ends.Count == 0 || ends[^1] != text.Length)
        {
            ends.Add(text.Length);
        }

        return ends;
    }

    private static bool IsAbbreviation(string text, int period)
    {
        var start = period;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.'))
        {
            start--;
        }

        var word = text.AsSpan(start, period - start);
        return word.Length == 1 ? char.IsLetter(word[0]) : Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
    }

    private static bool StartsNewStatement(string text, int newline)
    {
        var previous = text.AsSpan(0, newline);
        previous = previous[(previous.LastIndexOf('\n') + 1)..].TrimEnd();
        var next = text.AsSpan(newline + 1);
        var nextEnd = next.IndexOf('\n');
        next = (nextEnd < 0 ? next : next[..nextEnd]).TrimStart();
        if (previous.IsEmpty || next.IsEmpty || StartsWithListMarker(next))
        {
            return true;
        }

        if (previous[^1] is ',' or '-' || IsContinuation(LastWord(previous)))
        {
            return false;
        }

        return !char.IsLower(next[0]) && !IsContinuation(FirstWord(next));
    }

    private static bool StartsWithListMarker(ReadOnlySpan<char> line)
    {
        if (line[0] is '-' or '*' or '•' or '·')
        {
            return true;
        }

        var digits = 0;
        while (digits < line.Length && char.IsAsciiDigit(line[digits]))
        {
            digits++;
        }

        return digits is > 0 and < 3 && digits < line.Length && line[digits] is '.' or ')';
    }

    private static bool IsContinuation(ReadOnlySpan<char> word) =>
        ContinuationWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static ReadOnlySpan<char> LastWord(ReadOnlySpan<char> line)
    {
        var start = line.Length;
        while (start > 0 && char.IsLetter(line[start - 1]))
        {
            start--;
        }

        return line[start..];
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> line)
    {
        var end = 0;
        while (end < line.Length && char.IsLetter(line[end]))
        {
            end++;
        }

        return line[..end];
    }
}
