using System.Globalization;
using System.Text.RegularExpressions;

namespace CdsLmn.Clinical.Findings;

/// <summary>How a titre or number was bounded by the lab: exact, "&lt; x" or "&gt; x".</summary>
internal enum Bound
{
    Exact,
    Below,
    Above,
}

/// <summary>A titre as its reciprocal dilution: "1:3200", "1/3200", "&gt;1:25600", "&lt;1:1000", "1 : 3200" (docs/clinical-evidence.md §2.5).</summary>
internal readonly record struct Titre(double Reciprocal, Bound Bound)
{
    private static readonly Regex Pattern = new(
        @"^\s*(?<cmp><=|>=|≤|≥|<|>)?\s*1\s*[:/]\s*(?<n>\d[\d,\s]*(\.\d+)?)\s*$",
        RegexOptions.CultureInvariant);

    public static Titre? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var match = Pattern.Match(text);
        if (!match.Success)
        {
            return null;
        }

        var digits = match.Groups["n"].Value.Replace(",", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal);
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
