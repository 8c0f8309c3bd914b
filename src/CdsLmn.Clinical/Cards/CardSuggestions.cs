using CdsLmn.Clinical.Fhir;
using CdsLmn.Clinical.Findings;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Cards;

/// <summary>The one-click changes a card offers (docs/clinical-evidence.md §5.3 "Suggestions / actions").</summary>
internal static class CardSuggestions
{
    public static IReadOnlyList<SuggestedChange> For(CardFacts f, int row, AdviceIndicator indicator)
    {
        var suggestions = new List<SuggestedChange>();
        // A draft without an id (reference "MedicationRequest/?") cannot be named in a delete action (docs/cds-hooks-spec.md §4.5).
        if (indicator == AdviceIndicator.Warning && !f.OrderReference.EndsWith("/?", StringComparison.Ordinal))
        {
            suggestions.Add(new DeleteDraftOrder("Remove the IVIg order", "Remove the draft IVIg order", f.OrderReference));
        }

        if (f.PatientReference is not { } patient || row is < 3 or > 9)
        {
            return suggestions;
        }

        var cb = f.ConductionBlock;
        var repeatStudy = row == 9 && cb.Doubt is FindingDoubt.TooFewAssessable or FindingDoubt.Equivocal;
        if ((row is 7 or 8 || repeatStudy) && !cb.Unavailable)
        {
            suggestions.Add(new CreateResource(
                repeatStudy ? "Repeat nerve conduction with conduction-block protocol" : "Order nerve conduction with conduction-block protocol",
                "Nerve conduction study with proximal stimulation and CMAP area measurements",
                TestOrder(patient, f.Now, "18749-2", "Electromyogram study",
                    "Nerve conduction study, conduction-block protocol: proximal stimulation (elbow, axilla, Erb's point) and negative-peak CMAP area and duration measurements")));
        }

        if (f.AntiGm1IgM.State is AntiGm1State.NotTested or AntiGm1State.Equivocal && !f.AntiGm1IgM.Unavailable)
        {
            var repeat = f.AntiGm1IgM.State == AntiGm1State.Equivocal;
            suggestions.Add(new CreateResource(repeat ? "Repeat anti-GM1 IgM" : "Order anti-GM1 IgM",
                "Ganglioside GM1 IgM antibody, drawn before any IVIg",
                TestOrder(patient, f.Now, "51703-7", "Ganglioside GM1 IgM Ab [Units/volume] in Serum by Immunoassay",
                    "Anti-GM1 IgM antibody (draw before any IVIg)" + (repeat ? ", repeat at a reference laboratory" : string.Empty))));
        }

        if (row is 4 or 7 && f.CreatineKinase.State == CreatineKinaseState.Unknown && !f.CreatineKinase.Unavailable)
        {
            suggestions.Add(new CreateResource("Order creatine kinase", "Creatine kinase in serum",
                TestOrder(patient, f.Now, "2157-6", "Creatine kinase [Enzymatic activity/volume] in Serum or Plasma", "Creatine kinase")));
        }

        return suggestions;
    }

    private static ServiceRequest TestOrder(string patient, DateTimeOffset now, string loinc, string display, string text) => new()
    {
        Status = RequestStatus.Draft,
        Intent = RequestIntent.Order,
        Code = new CodeableConcept(FhirSystems.Loinc, loinc, display, text),
        Subject = new ResourceReference(patient),
        AuthoredOn = now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
