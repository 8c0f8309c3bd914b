using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>Reads Observation components coded in the CdsLmn neuromuscular code system (docs/fhir-inputs.md §3).</summary>
internal static class NeuromuscularComponents
{
    private const string Nm = CdsLmnCodes.NeuromuscularSystem;

    public static IReadOnlyList<Observation.ComponentComponent> Of(Observation observation) =>
        FhirRead.List<Observation.ComponentComponent>(observation, "component");

    public static CodeableConcept? Concept(IReadOnlyList<Observation.ComponentComponent> components, string code) =>
        FhirRead.One<CodeableConcept>(Find(components, code), "value");

    public static Quantity? Quantity(IReadOnlyList<Observation.ComponentComponent> components, string code) =>
        FhirRead.One<Quantity>(Find(components, code), "value");

    /// <summary>The first code of <paramref name="concept"/> in the neuromuscular system.</summary>
    public static string? LocalCode(CodeableConcept? concept) =>
        FhirRead.Codings(concept).Where(c => string.Equals(FhirRead.System(c), Nm, StringComparison.OrdinalIgnoreCase))
            .Select(FhirRead.CodeOf).FirstOrDefault(c => !string.IsNullOrWhiteSpace(c));

    private static Observation.ComponentComponent? Find(IReadOnlyList<Observation.ComponentComponent> components, string code) =>
        components.FirstOrDefault(c => CodeMatch.Any(FhirRead.Codings(FhirRead.One<CodeableConcept>(c, "code")), Nm, [code]));
}
