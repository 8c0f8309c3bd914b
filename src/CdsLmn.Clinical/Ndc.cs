namespace CdsLmn.Clinical;

/// <summary>
/// US National Drug Codes (docs/fhir-inputs.md §1). A product code is labeler-product (4-4, 5-3 or 5-4 digits); a package
/// code adds a 1–2 digit package. The 11-digit HIPAA form pads to 5-4-2. A hyphenated or 11-digit code is normalised
/// to its 9-digit 5-4 product key; a hyphen-less 10-digit code cannot be padded unambiguously, so it matches a product
/// whose own digits (as written with hyphens) it starts with.
/// </summary>
internal sealed record Ndc(string ProductKey, string RawDigits)
{
    /// <summary>Parses a configured product code: <c>44206-439</c>, <c>0069-6550</c>, <c>61953-0004</c>, or a 9-digit 5-4 key.</summary>
    public static Ndc? Parse(string? product)
    {
        if (string.IsNullOrWhiteSpace(product))
        {
            return null;
        }

        var parts = product.Trim().Split('-');
        if (parts.Length == 2 && parts.All(IsDigits) && parts[0].Length is 4 or 5 && parts[1].Length is 3 or 4 && parts[0].Length + parts[1].Length is 8 or 9)
        {
            return new Ndc(parts[0].PadLeft(5, '0') + parts[1].PadLeft(4, '0'), parts[0] + parts[1]);
        }

        return parts.Length == 1 && IsDigits(parts[0]) && parts[0].Length == 9 ? new Ndc(parts[0], parts[0]) : null;
    }

    /// <summary>True when <paramref name="code"/> (a product or package NDC, with or without hyphens) is this product.</summary>
    public bool Matches(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return false;
        }

        var parts = code.Trim().Split('-');
        if (!parts.All(IsDigits))
        {
            return false;
        }

        if (parts.Length is 2 or 3)
        {
            if (parts[0].Length > 5 || parts[1].Length > 4 || (parts.Length == 3 && parts[2].Length > 2))
            {
                return false;
            }

            return parts[0].PadLeft(5, '0') + parts[1].PadLeft(4, '0') == ProductKey;
        }

        if (parts.Length != 1)
        {
            return false;
        }

        var digits = parts[0];
        return digits.Length switch
        {
            11 => digits[..9] == ProductKey,
            10 => digits.StartsWith(RawDigits, StringComparison.Ordinal),
            9 => digits == ProductKey || digits == RawDigits,
            8 => digits == RawDigits,
            _ => false,
        };
    }

    private static bool IsDigits(string s) => s.Length > 0 && s.All(char.IsAsciiDigit);
}
