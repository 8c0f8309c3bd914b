using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Fhir;

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
