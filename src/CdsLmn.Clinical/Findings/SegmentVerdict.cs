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

    /// <summary>A site that is not recognised, or on a nerve where EFNS/PNS 2010 define no conduction block (e.g. tibial).</summary>
    OutsideCriteria,
}
