namespace CdsLmn.Clinical.Findings;

/// <summary>The EFNS/PNS 2010 verdict for one motor nerve segment (docs/clinical-evidence.md §2.3).</summary>
public enum SegmentVerdict
{
    Definite,
    Probable,
    None,

    /// <summary>Measurements missing, or the distal CMAP below the amplitude floor: CB cannot be called either way.</summary>
    NotEvaluable,

    /// <summary>The drop would be CB only if the duration increase is ≤ 30 %, and the durations were not reported.</summary>
    Indeterminate,

    /// <summary>A common entrapment site: never counts as CB (docs/clinical-evidence.md §2.3 site rule).</summary>
    Entrapment,
}

/// <summary>Measurements for one segment, as reported (amplitude mV, area mV·ms, duration ms).</summary>
internal sealed record SegmentMeasurements(
    string Segment,
    double? DistalAmplitude,
    double? ProximalAmplitude,
    double? DistalArea,
    double? ProximalArea,
    double? DistalDuration,
    double? ProximalDuration,
    double? DistalAmplitudeLln);

internal sealed record SegmentResult(
    string Segment,
    SegmentVerdict Verdict,
    double? BlockPercent,
    double? DurationIncreasePercent,
    bool AmplitudeBased,
    string Note);

/// <summary>
/// EFNS/PNS 2010 motor conduction block on discrete data (docs/clinical-evidence.md §2.3):
/// CB% = (1 − proximal/distal) × 100 on negative-peak area, falling back to amplitude (labelled "amplitude-based");
/// durationIncrease% = (proximal/distal − 1) × 100; the distal amplitude must be &gt; 1 mV and &gt; 20 % of LLN.
/// Definite: drop ≥ 50 % with duration increase ≤ 30 %. Probable: drop ≥ 30 % on a long upper-limb segment with
/// duration increase ≤ 30 %, or drop ≥ 50 % with duration increase &gt; 30 % (temporal dispersion).
/// </summary>
internal static class SegmentBlockRules
{
    public static SegmentResult Evaluate(SegmentMeasurements m, ConductionBlockOptions options)
    {
        var segment = m.Segment;
        var isEntrapment = options.EffectiveEntrapmentSegments.Contains(segment, StringComparer.OrdinalIgnoreCase);
        var isLongUpperLimb = options.EffectiveLongUpperLimbSegments.Contains(segment, StringComparer.OrdinalIgnoreCase);

        var amplitudeBased = !(m.DistalArea > 0 && m.ProximalArea.HasValue);
        var (distal, proximal) = amplitudeBased ? (m.DistalAmplitude, m.ProximalAmplitude) : (m.DistalArea, m.ProximalArea);
        double? drop = distal > 0 && proximal.HasValue ? Percent(1 - (proximal.Value / distal.Value)) : null;
        double? durationIncrease = m.DistalDuration > 0 && m.ProximalDuration.HasValue ? Percent((m.ProximalDuration.Value / m.DistalDuration.Value) - 1) : null;

        SegmentResult Result(SegmentVerdict verdict, string note) => new(segment, verdict, drop, durationIncrease, amplitudeBased, note);

        if (isEntrapment)
        {
            return Result(SegmentVerdict.Entrapment, "entrapment site, not counted");
        }

        if (drop is null)
        {
            return Result(SegmentVerdict.NotEvaluable, "distal and proximal CMAP area or amplitude not reported");
        }

        // The floor applies before any CB is called: distal amplitude strictly above 1 mV and strictly above 20 % of LLN.
        if (m.DistalAmplitude is not { } distalAmplitude || !(distalAmplitude > options.DistalAmplitudeFloorMv))
        {
            return Result(SegmentVerdict.NotEvaluable, $"distal CMAP not above {options.DistalAmplitudeFloorMv:0.#} mV");
        }

        if (m.DistalAmplitudeLln is { } lln && !(distalAmplitude > Math.Round(options.DistalAmplitudeMinPercentOfLln * lln / 100, 6)))
        {
            return Result(SegmentVerdict.NotEvaluable, $"distal CMAP not above {options.DistalAmplitudeMinPercentOfLln:0.#} % of the lower limit of normal");
        }

        var dispersed = durationIncrease > options.MaxDurationIncreasePercent;
        var durationOk = durationIncrease <= options.MaxDurationIncreasePercent;

        if (drop >= options.DefiniteAreaDropPercent)
        {
            if (durationOk)
            {
                return Result(SegmentVerdict.Definite, "definite");
            }

            return Result(SegmentVerdict.Probable, dispersed ? "probable (temporal dispersion)" : "probable (duration not reported)");
        }

        if (isLongUpperLimb && drop >= options.ProbableLongSegmentAreaDropPercent)
        {
            if (durationOk)
            {
                return Result(SegmentVerdict.Probable, "probable (long upper-limb segment)");
            }

            if (durationIncrease is null)
            {
                return Result(SegmentVerdict.Indeterminate, "duration not reported");
            }
        }

        return Result(SegmentVerdict.None, "no conduction block");
    }

    /// <summary>A fraction as a percentage, rounded to 6 decimals so that e.g. 5.1/10 gives exactly 49 %.</summary>
    private static double Percent(double fraction) => Math.Round(fraction * 100, 6);
}
