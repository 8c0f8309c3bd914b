using System.Collections.Frozen;
using CdsLmn.Clinical.Fhir;

namespace CdsLmn.Clinical;

/// <summary>
/// Which Observations and DiagnosticReports can change the decision, judged from their codes and status alone, so
/// the evidence layer can leave the others unbound. It follows the findings' own selection: an Observation counts
/// only when its code (or, for anti-GM1 panels, a component's code) is one of the configured conduction-block,
/// anti-GM1 or CK codes; a DiagnosticReport only when its code is a nerve-conduction study code or a conclusion code
/// is a conduction-block finding code; and a result whose status is cancelled, entered-in-error or unknown is never
/// read (docs/fhir-inputs.md §3–§5). Anything else counts. Whatever it names irrelevant, no finding would have read.
/// </summary>
public sealed class ResultRelevance
{
    private static readonly FrozenSet<string> IgnoredStatuses = FrozenSet.Create(StringComparer.Ordinal, "cancelled", "entered-in-error", "unknown");

    private readonly CodeToken[] _observationCodes;
    private readonly CodeToken[] _componentCodes;
    private readonly CodeToken[] _reportCodes;
    private readonly CodeToken[] _conclusionCodes;
    private readonly bool _everything;

    private ResultRelevance()
    {
        _observationCodes = _componentCodes = _reportCodes = _conclusionCodes = [];
        _everything = true;
    }

    /// <summary>Every result counts, whatever its code: for reading a site's data as it is (check-fhir looks for unknown local codes).</summary>
    public static ResultRelevance Everything { get; } = new();

    public ResultRelevance(ClinicalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var cb = options.ConductionBlock;
        _observationCodes = [.. CodeToken.ParseAll([.. cb.EffectiveFindingCodes, .. cb.EffectiveSegmentCodes, .. cb.EffectiveStudyCodes,
            .. options.AntiGm1IgM.EffectiveCodes, .. options.CreatineKinase.EffectiveCodes])];
        _componentCodes = [.. CodeToken.ParseAll(options.AntiGm1IgM.EffectiveCodes)];
        _reportCodes = [.. CodeToken.ParseAll(cb.EffectiveStudyCodes)];
        _conclusionCodes = [.. CodeToken.ParseAll(cb.EffectiveFindingCodes)];
    }

    /// <summary>A status under which no finding reads a result (the exact FHIR codes; anything else may count).</summary>
    public static bool IsIgnoredStatus(string status) => IgnoredStatuses.Contains(status);

    public bool IsObservationCode(string? system, string? code) => _everything || Matches(_observationCodes, system, code);

    public bool IsObservationComponentCode(string? system, string? code) => _everything || Matches(_componentCodes, system, code);

    public bool IsReportCode(string? system, string? code) => _everything || Matches(_reportCodes, system, code);

    public bool IsReportConclusionCode(string? system, string? code) => _everything || Matches(_conclusionCodes, system, code);

    private static bool Matches(CodeToken[] tokens, string? system, string? code)
    {
        if (system is null || code is null)
        {
            return false;
        }
        foreach (var token in tokens)
        {
            if (token.Matches(system, code))
            {
                return true;
            }
        }
        return false;
    }
}
