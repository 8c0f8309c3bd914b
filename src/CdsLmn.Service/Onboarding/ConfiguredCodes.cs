using Hl7.Fhir.Model;

namespace CdsLmn.Service.Onboarding;

/// <summary>
/// A configured code list (<c>system|code</c>, a trailing <c>*</c> matching by prefix), matched the way
/// CdsLmn.Clinical matches its own lists: system without case, code exactly.
/// </summary>
internal sealed class ConfiguredCodes(IEnumerable<string> tokens)
{
    private readonly List<(string System, string Code)> _codes = tokens
        .Select(token => (Bar: token.LastIndexOf('|'), Token: token))
        .Where(t => t.Bar > 0 && t.Bar < t.Token.Length - 1)
        .Select(t => (t.Token[..t.Bar].Trim(), t.Token[(t.Bar + 1)..].Trim()))
        .ToList();

    public bool Matches(Coding coding) => _codes.Any(c =>
        string.Equals(c.System, coding.System, StringComparison.OrdinalIgnoreCase)
        && coding.Code is { } code
        && (c.Code.EndsWith('*') ? code.StartsWith(c.Code[..^1], StringComparison.Ordinal) : code == c.Code));

    public bool MatchesAny(CodeableConcept? concept) => concept?.Coding.Any(Matches) ?? false;
}
