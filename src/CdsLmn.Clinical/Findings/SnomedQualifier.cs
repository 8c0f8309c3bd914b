using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// SNOMED CT qualifier values that NCS findings and anti-GM1 results carry (docs/clinical-evidence.md §4b, mCODE
/// PositiveNegativeVS; docs/fhir-inputs.md §3): positive, negative, and equivocal or indeterminate.
/// </summary>
internal static class SnomedQualifier
{
    private const string Positive = "10828004";
    private const string Negative = "260385009";
    private const string Equivocal = "42425007";
    private const string Indeterminate = "82334004";

    public static QualifierValue? Read(CodeableConcept concept)
    {
        var codings = FhirRead.Codings(concept);
        if (CodeMatch.Any(codings, FhirSystems.Snomed, [Positive]))
        {
            return QualifierValue.Positive;
        }
        if (CodeMatch.Any(codings, FhirSystems.Snomed, [Negative]))
        {
            return QualifierValue.Negative;
        }
        return CodeMatch.Any(codings, FhirSystems.Snomed, [Equivocal, Indeterminate]) ? QualifierValue.Equivocal : null;
    }
}
