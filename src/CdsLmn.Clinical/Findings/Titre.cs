using System.Globalization;
using System.Text.RegularExpressions;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// A titre as its reciprocal dilution: "1:3200", "1/3200", "&gt;1:25600", "&lt;1:1000", "1 : 3200" (docs/clinical-evidence.md §2.5),
/// found wherever it stands in a lab's text ("Positive, titer 1:25600", "&gt;1:25600 (H)"; docs/fhir-inputs.md §4).
/// </summary>
internal readonly record struct Titre(double Reciprocal, Bound Bound)
{
    private static readonly Regex Pattern = new(
        @"(?<![\d.,:/])(?<cmp><=|>=|≤|≥|<|>)?\s*1\s*[:/]\s*(?<n>\d{1,3}(,\d{3})+|\d+)(?![\d/:])",
        RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>The first titre in <paramref name="text"/>, or null when there is none.</summary>
    public static Titre? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        Match match;
        try
        {
            match = Pattern.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return null; // pathological text: no titre read, so the value is reported as unreadable
        }

        if (!match.Success)
        {
            return null;
        }

        var digits = match.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal);
        if (!double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var reciprocal) || reciprocal <= 0)
        {
            return null;
        }

        var bound = match.Groups["cmp"].Value switch
        {
            "<" or "<=" or "≤" => Bound.Below,
            ">" or ">=" or "≥" => Bound.Above,
            _ => Bound.Exact,
        };
        return new Titre(reciprocal, bound);
    }

    public override string ToString()
    {
        var prefix = Bound switch
        {
            Bound.Below => "<",
            Bound.Above => ">",
            _ => string.Empty,
        };
        return $"{prefix}1:{Reciprocal.ToString("0.##", CultureInfo.InvariantCulture)}";
    }
}
