namespace CdsLmn.Clinical.Findings;

/// <summary>The verdict on one segment, with what the card says about it.</summary>
/// <param name="Segment">The recognised site code, or the name as reported when it was not recognised.</param>
internal sealed record SegmentResult(
    string Segment,
    SegmentVerdict Verdict,
    double? BlockPercent,
    bool AmplitudeBased,
    string Note)
{
    /// <summary>True when the segment takes part in the decision (it was assessable).</summary>
    public bool Counted => Verdict is SegmentVerdict.Definite or SegmentVerdict.Probable or SegmentVerdict.None or SegmentVerdict.Indeterminate;

    public string Nerve => SegmentSites.NerveOf(Segment);
}
