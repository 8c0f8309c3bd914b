using System.Collections.Frozen;
namespace CdsLmn.Clinical.Findings;

/// <summary>
/// Recognises a motor segment's site from its code or text (docs/fhir-inputs.md §3 "Which segments count"): case,
/// spaces, hyphens and underscores are ignored, and a leading side ("left", "right", "L", "R") is dropped, so
/// "Ulnar elbow", "ULNAR_ELBOW" and "Left ulnar-elbow" all name <c>ulnar-elbow</c>. A site is recognised only when it is
/// one of the configured segments; its nerve is the part before the first hyphen.
/// </summary>
internal sealed class SegmentSites
{
    private static readonly FrozenSet<string> Sides = FrozenSet.Create(StringComparer.Ordinal, "left", "right", "lt", "rt", "l", "r");

    private readonly Dictionary<string, string> _bySquashedName;
    private readonly HashSet<string> _nerves;

    public SegmentSites(ConductionBlockOptions options)
    {
        _bySquashedName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var site in options.EffectiveSegments.Concat(options.EffectiveEntrapmentSegments).Concat(options.EffectiveLongUpperLimbSegments))
        {
            _bySquashedName.TryAdd(Squash(site), site.Trim().ToLowerInvariant());
        }

        _nerves = new HashSet<string>(options.EffectiveNerves, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The configured site code, or null when the name is not a recognised site.</summary>
    public string? Recognise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var words = name.Trim().ToLowerInvariant().Split([' ', '-', '_', '.', ','], StringSplitOptions.RemoveEmptyEntries);
        var start = words.Length > 1 && Sides.Contains(words[0]) ? 1 : 0;
        var squashed = string.Concat(words.Skip(start));
        return _bySquashedName.GetValueOrDefault(squashed);
    }

    public static string NerveOf(string site)
    {
        var dash = site.IndexOf('-', StringComparison.Ordinal);
        return dash < 0 ? site : site[..dash];
    }

    /// <summary>True when EFNS/PNS 2010 define conduction block on this site's nerve (docs/clinical-evidence.md §2.3).</summary>
    public bool OnCbNerve(string site) => _nerves.Contains(NerveOf(site));

    private static string Squash(string name) =>
        string.Concat(name.ToLowerInvariant().Where(char.IsLetterOrDigit));
}
