using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Fhir;

/// <summary>Code-system URIs used by the defaults (docs/clinical-evidence.md §4).</summary>
public static class FhirSystems
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Atc = "http://www.whocc.no/atc";
    public const string Ndc = "http://hl7.org/fhir/sid/ndc";
    public const string Edqm = "http://standardterms.edqm.eu";
    public const string Cpt = "http://www.ama-assn.org/go/cpt";
    public const string Interpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
}

/// <summary>A configured code: <c>system|code</c>. A trailing <c>*</c> on the code matches every code starting with the rest.</summary>
internal readonly record struct CodeToken(string System, string Code)
{
    public static CodeToken? Parse(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        var bar = token.LastIndexOf('|');
        if (bar <= 0 || bar == token.Length - 1)
        {
            return null;
        }

        return new CodeToken(token[..bar].Trim(), token[(bar + 1)..].Trim());
    }

    public static IReadOnlyList<CodeToken> ParseAll(IEnumerable<string> tokens) =>
        tokens.Select(Parse).OfType<CodeToken>().ToList();

    public bool Matches(Coding coding) => Matches(FhirRead.System(coding), FhirRead.CodeOf(coding));

    public bool Matches(string? system, string? code) =>
        string.Equals(system, System, StringComparison.OrdinalIgnoreCase) && CodeMatch.CodeMatches(code, Code, System);
}

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

    /// <summary>The interpretation codes of a result (v3-ObservationInterpretation, or any system's code), upper-cased.</summary>
    public static IReadOnlySet<string> InterpretationCodes(Observation observation)
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var concept in FhirRead.List<CodeableConcept>(observation, "interpretation"))
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
