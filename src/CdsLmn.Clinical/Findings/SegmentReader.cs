using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// Reads one <c>ncs-motor-segment</c> Observation (docs/fhir-inputs.md §3 tier 2) into <see cref="SegmentMeasurements"/>:
/// the segment's name is the first of its code, its text or display, or the Observation's bodySite that names a
/// recognised site (else the first given); amplitudes in mV (µV converted), areas in mV·ms, durations in ms.
/// </summary>
internal sealed class SegmentReader(SegmentSites sites)
{
    public SegmentMeasurements Read(Observation observation)
    {
        var components = NeuromuscularComponents.Of(observation);
        var segment = NeuromuscularComponents.Concept(components, "segment");
        var names = new[] { NeuromuscularComponents.LocalCode(segment) }
            .Concat(FhirRead.Texts(segment))
            .Concat(FhirRead.Texts(FhirRead.One<CodeableConcept>(observation, "bodySite")))
            .OfType<string>()
            .ToList();
        var name = names.Find(n => sites.Recognise(n) is not null) ?? names.FirstOrDefault() ?? "unnamed segment";
        return new SegmentMeasurements(
            name,
            Millivolts(NeuromuscularComponents.Quantity(components, "distal-cmap-amplitude")),
            Millivolts(NeuromuscularComponents.Quantity(components, "proximal-cmap-amplitude")),
            Number(NeuromuscularComponents.Quantity(components, "distal-cmap-area")),
            Number(NeuromuscularComponents.Quantity(components, "proximal-cmap-area")),
            Number(NeuromuscularComponents.Quantity(components, "distal-cmap-duration")),
            Number(NeuromuscularComponents.Quantity(components, "proximal-cmap-duration")),
            Millivolts(NeuromuscularComponents.Quantity(components, "distal-amplitude-lln")));
    }

    private static double? Number(Quantity? quantity) => FhirRead.Value(quantity) is { } value ? (double)value : null;

    private static double? Millivolts(Quantity? quantity)
    {
        var value = Number(quantity);
        var unit = FhirRead.Unit(quantity);
        return value is not null && unit is "uV" or "µV" or "μV" ? value / 1000 : value;
    }
}
