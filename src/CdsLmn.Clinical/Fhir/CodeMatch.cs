using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Fhir;

internal static class CodeMatch
{
    /// <summary>
    /// Compares a code to a configured pattern. ICD-10 codes compare without dots and case (<c>G1225</c> = <c>G12.25</c>);
    /// a pattern ending in <c>*</c> matches by prefix (<c>D80.*</c>).
    /// </summary>
    public static bool CodeMatches(string? code, string pattern, string? system)
    {
        if (string.IsNullOrWhiteSpace(code) || string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        var isIcd = system is not null && system.Contains("icd-10", StringComparison.OrdinalIgnoreCase);
        var c = isIcd ? NormaliseIcd(code) : code.Trim();
        var p = isIcd ? NormaliseIcd(pattern) : pattern.Trim();
        var comparison = isIcd ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (p.EndsWith('*'))
        {
            return c.StartsWith(p.TrimEnd('*'), comparison);
        }

        return string.Equals(c, p, comparison);
    }

    public static string NormaliseIcd(string code) => code.Replace(".", "", StringComparison.Ordinal).Trim().ToUpperInvariant();

    /// <summary>True when any coding is in <paramref name="system"/> with a code matching one of <paramref name="patterns"/>.</summary>
    public static bool Any(IEnumerable<Coding> codings, string system, IEnumerable<string> patterns) =>
        codings.Any(coding => string.Equals(FhirRead.System(coding), system, StringComparison.OrdinalIgnoreCase)
            && patterns.Any(p => CodeMatches(FhirRead.CodeOf(coding), p, system)));

    public static bool Any(IEnumerable<Coding> codings, IEnumerable<CodeToken> tokens) =>
        codings.Any(coding => tokens.Any(t => t.Matches(coding)));

    public static bool Any(CodeableConcept? concept, IEnumerable<CodeToken> tokens) => Any(FhirRead.Codings(concept), tokens);

    /// <summary>The interpretation codes of a result or of a panel's component (v3-ObservationInterpretation, or any system's code), trimmed, matched whatever their case.</summary>
    public static IReadOnlySet<string> InterpretationCodes(Base result)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var concept in FhirRead.List<CodeableConcept>(result, "interpretation"))
        {
            foreach (var coding in FhirRead.Codings(concept))
            {
                if (FhirRead.CodeOf(coding) is { Length: > 0 } code)
                {
                    codes.Add(code.Trim());
                }
            }
        }

        return codes;
    }
}
