namespace CdsLmn.Clinical;

/// <summary>Why IVIg is being given, as far as the advisor is concerned (docs/clinical-evidence.md §5.1).</summary>
public enum IndicationKind
{
    /// <summary>A lower-motor-neuron / motor-neuron-disease context: evaluate.</summary>
    Lmn,

    /// <summary>Another accepted IVIg indication (PID, ITP, GBS, CIDP, MMN, MG, …): no warning card.</summary>
    OtherIndication,

    /// <summary>Neither: the service does not guess indications.</summary>
    Neither,

    /// <summary>Could not be found out (no reason on the order and Conditions unavailable).</summary>
    Unknown,
}
