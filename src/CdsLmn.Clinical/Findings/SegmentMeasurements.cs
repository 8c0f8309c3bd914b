namespace CdsLmn.Clinical.Findings;

/// <summary>Measurements for one segment, as reported (amplitude mV, area mV·ms, duration ms); <see cref="Segment"/> is its code or text.</summary>
internal sealed record SegmentMeasurements(
    string Segment,
    double? DistalAmplitude,
    double? ProximalAmplitude,
    double? DistalArea,
    double? ProximalArea,
    double? DistalDuration,
    double? ProximalDuration,
    double? DistalAmplitudeLln);
