using CdsLmn.Clinical.Advising;
using System.Text.Json;
using CdsLmn.Clinical;
using CdsLmn.Service.Evidence;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Stewardship.Html;

/// <summary>
/// The card a clinician sees for the README's example request (<c>examples/order-select-ivig.json</c>, embedded):
/// the advisor's own answer with the default clinical rules, evaluated on a fixed day so that it never ages.
/// </summary>
internal static class SampleCard
{
    private const string ResourceName = "sample-order-select.json";

    /// <summary>Two weeks after the example's last result (CK, 2026-10-02).</summary>
    private static readonly DateTimeOffset EvaluatedOn = new(2026, 10, 16, 9, 0, 0, TimeSpan.Zero);

    public static Advice Create(ClinicalOptions options)
    {
        using var stream = typeof(SampleCard).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"'{ResourceName}' is not embedded in the service assembly.");
        using var request = JsonDocument.Parse(stream);
        var context = request.RootElement.GetProperty("context");
        var resources = request.RootElement.GetProperty("prefetch").EnumerateObject()
            .SelectMany(key => FhirPayload.Read(key.Value).Resources)
            .ToList();
        var evidence = ClinicalEvidenceFrom.Resources(FhirPayload.Read(context.GetProperty("draftOrders")).Resources.OfType<MedicationRequest>().ToList(), resources);
        var assessment = new IvigAdvisor(options).Assess(evidence, OrderStage.Selecting, EvaluatedOn);
        return assessment.Advice.FirstOrDefault()
            ?? throw new InvalidOperationException("The example request no longer yields a card; the report's sample needs one.");
    }
}
