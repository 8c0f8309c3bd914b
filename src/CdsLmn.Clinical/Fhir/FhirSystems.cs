namespace CdsLmn.Clinical.Fhir;

/// <summary>Code-system URIs used by the defaults (docs/clinical-evidence.md §4).</summary>
public static class FhirSystems
{
    public const string Loinc = "http://loinc.org";
    public const string Snomed = "http://snomed.info/sct";
    public const string RxNorm = "http://www.nlm.nih.gov/research/umls/rxnorm";
    public const string Icd10Cm = "http://hl7.org/fhir/sid/icd-10-cm";
    public const string Atc = "http://www.whocc.no/atc";
    public const string Ndc = "http://hl7.org/fhir/sid/ndc";
    public const string Edqm = "http://standardterms.edqm.eu";
    public const string Cpt = "http://www.ama-assn.org/go/cpt";
    public const string Interpretation = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
}
