namespace CdsLmn.Clinical.Findings;

/// <summary>What keeps a finding from being a plain result.</summary>
internal enum FindingDoubt
{
    None,

    /// <summary>A test is ordered or its result is preliminary.</summary>
    Pending,

    /// <summary>A final result whose value could not be read.</summary>
    Unreadable,

    /// <summary>A nerve conduction study with too few nerves assessable to call conduction block absent.</summary>
    TooFewAssessable,

    /// <summary>A final result that is itself borderline, hedged, or from a screening protocol.</summary>
    Equivocal,
}
