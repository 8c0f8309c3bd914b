using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// Tier 1: an Observation coded <c>motor-conduction-block</c> (docs/fhir-inputs.md §3), its value a SNOMED qualifier, a
/// boolean or only an interpretation, with optional grade and protocol components. A negative screening study (no
/// proximal stimulation) is EQUIVOCAL, not ABSENT (docs/clinical-evidence.md §5.4).
/// </summary>
internal static class ExplicitFinding
{
    private const string TestName = "Nerve conduction";

    public static ResultCandidate<ConductionBlockState> Read(Observation observation, DateTimeOffset date)
    {
        var id = FhirRead.Reference(observation);
        var components = NeuromuscularComponents.Of(observation);
        var grade = NeuromuscularComponents.LocalCode(NeuromuscularComponents.Concept(components, "cb-grade"));
        var protocol = NeuromuscularComponents.LocalCode(NeuromuscularComponents.Concept(components, "cb-protocol"));
        var place = Place(observation, components);
        var test = protocol switch
        {
            "extended" => $"{TestName}, extended protocol",
            "screening" => $"{TestName}, screening protocol",
            _ => $"{TestName} study",
        };

        ResultCandidate<ConductionBlockState> Candidate(ConductionBlockState state, string result) => new(date, state, test, result, [id])
        {
            Tier = 1,
            Persists = state == ConductionBlockState.Present,
            Doubt = state == ConductionBlockState.Equivocal ? FindingDoubt.Equivocal : FindingDoubt.None,
        };

        var state = State(observation);
        if (state is null)
        {
            return Candidate(ConductionBlockState.Equivocal, "conduction block recorded without a result") with { Doubt = FindingDoubt.Unreadable };
        }

        if (state == ConductionBlockState.Absent && protocol == "screening")
        {
            return Candidate(ConductionBlockState.Equivocal, "no conduction block seen, but no proximal stimulation (screening study)") with { Flags = ["screening protocol"] };
        }

        var where = place is null ? string.Empty : $", {place}";
        return Candidate(state.Value, state switch
        {
            ConductionBlockState.Present => $"{(grade is null ? string.Empty : grade + " ")}motor conduction block{where}",
            ConductionBlockState.Absent => "no motor conduction block",
            _ => $"conduction block equivocal{where}",
        });
    }

    private static ConductionBlockState? State(Observation observation)
    {
        ConductionBlockState? state = FhirRead.One<DataType>(observation, "value") switch
        {
            CodeableConcept concept => SnomedQualifier.Read(concept) switch
            {
                QualifierValue.Positive => ConductionBlockState.Present,
                QualifierValue.Negative => ConductionBlockState.Absent,
                QualifierValue.Equivocal => ConductionBlockState.Equivocal,
                _ => null,
            },
            FhirBoolean b when FhirRead.Boolean(b) is { } value => value ? ConductionBlockState.Present : ConductionBlockState.Absent,
            _ => null,
        };
        if (state is not null)
        {
            return state;
        }

        var interpretation = CodeMatch.InterpretationCodes(observation);
        return interpretation.Contains("POS") ? ConductionBlockState.Present
            : interpretation.Contains("NEG") ? ConductionBlockState.Absent
            : interpretation.Contains("IND") ? ConductionBlockState.Equivocal
            : null;
    }

    private static string? Place(Observation observation, IReadOnlyList<Observation.ComponentComponent> components)
    {
        var segment = NeuromuscularComponents.Concept(components, "segment");
        if (NeuromuscularComponents.LocalCode(segment) is { } code)
        {
            return SegmentStudy.Pretty(code);
        }

        return FhirRead.Text(segment) ?? FhirRead.Texts(FhirRead.One<CodeableConcept>(observation, "bodySite")).FirstOrDefault();
    }
}
