namespace CdsLmn.Clinical;

/// <summary>Creatine kinase (docs/fhir-inputs.md §5, docs/clinical-evidence.md §4b).</summary>
public sealed class CreatineKinaseOptions
{
    // docs/fhir-inputs.md §5: freshness window default 180 days (docs/clinical-evidence.md §5.2: "proposed 6 months").
    public int FreshnessDays { get; set; } = 180;

    // docs/clinical-evidence.md §4b: Mayo current adult male CK 39–308 U/L.
    public double MaleUpperLimit { get; set; } = 308;

    // docs/clinical-evidence.md §4b: Mayo current adult female CK 26–192 U/L.
    public double FemaleUpperLimit { get; set; } = 192;

    // docs/clinical-evidence.md §4b (Mayo male 308): with sex unknown (or other) we use the HIGHER limit, so a value that is
    // normal for either sex is never called elevated on a warning card (understating beats overstating the evidence).
    public double UnknownSexUpperLimit { get; set; } = 308;

    // docs/fhir-inputs.md §5, docs/clinical-evidence.md §5.4: a CK above this multiple of the upper limit is unusual for a
    // motor-neuron syndrome and suggests a myopathic mimic; rows 3–4 then become info (DecisionTable:Row3Or4VeryHighCk).
    public double MyopathicMimicMultiple { get; set; } = 10;

    public string[]? Codes { get; set; }

    public IReadOnlyList<string> EffectiveCodes => Codes ?? (IReadOnlyList<string>)ClinicalDefaults.CreatineKinaseCodes;

    internal void Validate(OptionsErrors errors)
    {
        errors.Positive(nameof(FreshnessDays), FreshnessDays);
        errors.Positive(nameof(MaleUpperLimit), MaleUpperLimit);
        errors.Positive(nameof(FemaleUpperLimit), FemaleUpperLimit);
        errors.Positive(nameof(UnknownSexUpperLimit), UnknownSexUpperLimit);
        errors.Range(nameof(MyopathicMimicMultiple), MyopathicMimicMultiple, 1, 1000);
        errors.TokenList(nameof(Codes), Codes);
        if (Codes is { Length: 0 })
        {
            errors.Add(nameof(Codes), "must not be empty");
        }
    }
}
