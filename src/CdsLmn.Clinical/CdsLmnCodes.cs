namespace CdsLmn.Clinical;

/// <summary>Code systems CdsLmn defines itself. Stable: sites and the stewardship report key on them.</summary>
public static class CdsLmnCodes
{
    /// <summary>Local neuromuscular codes for NCS findings and segment components (docs/fhir-inputs.md §3).</summary>
    public const string NeuromuscularSystem = "http://cdslmn.org/fhir/CodeSystem/neuromuscular";

    /// <summary>Reasons a clinician may give for overriding a card (docs/clinical-evidence.md §5.3).</summary>
    public const string OverrideReasonSystem = "http://cdslmn.org/fhir/CodeSystem/override-reason";

    /// <summary>Topics of our cards (source.topic).</summary>
    public const string TopicSystem = "http://cdslmn.org/fhir/CodeSystem/topic";
}
