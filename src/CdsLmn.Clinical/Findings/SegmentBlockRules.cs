using System.Globalization;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// EFNS/PNS 2010 motor conduction block on discrete data (docs/clinical-evidence.md §2.3, docs/fhir-inputs.md §3):
/// CB% = (1 − proximal/distal) × 100 on negative-peak area, falling back to amplitude (labelled "amplitude-based");
/// durationIncrease% = (proximal/distal − 1) × 100; the distal amplitude must be &gt; 1 mV and &gt; 20 % of LLN.
/// Definite: drop ≥ 50 % with duration increase ≤ 30 %. Probable: drop ≥ 30 % on a long upper-limb segment with
/// duration increase ≤ 30 %, or drop ≥ 50 % with duration increase &gt; 30 % (temporal dispersion).
/// Only recognised sites on nerves with EFNS/PNS criteria count; entrapment sites never do. An amplitude drop without
/// durations cannot tell block from dispersion, so it is indeterminate, never probable.
/// </summary>
internal static class SegmentBlockRules
{
    public static SegmentResult Evaluate(SegmentMeasurements m, ConductionBlockOptions options, SegmentSites sites)
    {
        var site = sites.Recognise(m.Segment);
        var amplitudeBased = !(m.DistalArea > 0 && m.ProximalArea.HasValue);
        var (distal, proximal) = amplitudeBased ? (m.DistalAmplitude, m.ProximalAmplitude) : (m.DistalArea, m.ProximalArea);
        double? drop = distal > 0 && proximal.HasValue ? Percent(1 - (proximal.Value / distal.Value)) : null;
        double? durationIncrease = m.DistalDuration > 0 && m.ProximalDuration.HasValue ? Percent((m.ProximalDuration.Value / m.DistalDuration.Value) - 1) : null;

        SegmentResult Result(SegmentVerdict verdict, string note) => new(site ?? m.Segment, verdict, drop, amplitudeBased, note);

        if (site is null)
        {
            return Result(SegmentVerdict.OutsideCriteria, "site not recognised");
        }

        if (!sites.OnCbNerve(site))
        {
            return Result(SegmentVerdict.OutsideCriteria, $"EFNS/PNS 2010 define no conduction block on the {SegmentSites.NerveOf(site)} nerve");
        }

        if (options.EffectiveEntrapmentSegments.Contains(site, StringComparer.OrdinalIgnoreCase))
        {
            return Result(SegmentVerdict.Entrapment, "entrapment site, not counted");
        }

        if (drop is null)
        {
            return Result(SegmentVerdict.NotEvaluable, "distal or proximal CMAP value missing");
        }

        // The floor applies before any CB is called: distal amplitude strictly above 1 mV and strictly above 20 % of LLN.
        if (m.DistalAmplitude is not { } distalAmplitude || !(distalAmplitude > options.DistalAmplitudeFloorMv))
        {
            return Result(SegmentVerdict.NotEvaluable, m.DistalAmplitude is { } low
                ? $"distal CMAP {Mv(low)} mV, not above {Mv(options.DistalAmplitudeFloorMv)} mV"
                : "distal CMAP amplitude not reported");
        }

        if (m.DistalAmplitudeLln is { } lln && !(distalAmplitude > Math.Round(options.DistalAmplitudeMinPercentOfLln * lln / 100, 6)))
        {
            return Result(SegmentVerdict.NotEvaluable,
                $"distal CMAP {Mv(distalAmplitude)} mV, not above {options.DistalAmplitudeMinPercentOfLln:0.#} % of the lower limit of normal");
        }

        var isLongUpperLimb = options.EffectiveLongUpperLimbSegments.Contains(site, StringComparer.OrdinalIgnoreCase);
        var reachesDefinite = drop >= options.DefiniteAreaDropPercent;
        var reachesProbable = isLongUpperLimb && drop >= options.ProbableLongSegmentAreaDropPercent;
        if (durationIncrease is null && (reachesDefinite || reachesProbable) && (amplitudeBased || !reachesDefinite))
        {
            return Result(SegmentVerdict.Indeterminate, $"{Measure(amplitudeBased)} drop {Mv(drop.Value)} % without CMAP durations: temporal dispersion not excluded");
        }

        var durationOk = durationIncrease <= options.MaxDurationIncreasePercent;
        if (reachesDefinite)
        {
            return durationOk
                ? Result(SegmentVerdict.Definite, "definite")
                : Result(SegmentVerdict.Probable, durationIncrease is null ? "probable (duration not reported)" : "probable (temporal dispersion)");
        }

        if (reachesProbable && durationOk)
        {
            return Result(SegmentVerdict.Probable, "probable (long upper-limb segment)");
        }

        return Result(SegmentVerdict.None, "no conduction block");
    }

    private static string Measure(bool amplitudeBased) => amplitudeBased ? "amplitude" : "area";

    private static string Mv(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage, rounded to 6 decimals so that e.g. 5.1/10 gives exactly 49 %.</summary>
    private static double Percent(double fraction) => Math.Round(fraction * 100, 6);
}
