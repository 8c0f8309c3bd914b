using System.Text.Json;
using System.Text.Json.Nodes;
using CdsLmn.Clinical;
using CdsLmn.Clinical.Cards;
using CdsLmn.Service.CdsHooks.Models;
using Hl7.Fhir.Serialization;

namespace CdsLmn.Service.CdsHooks;

/// <summary>The only place that knows both the clinical <see cref="Advice"/> and the CDS Hooks card.</summary>
internal static class AdviceToCard
{
    public const string DecisionExtension = "org.cdslmn.decision";

    private static readonly FhirJsonSerializer FhirSerializer = new();

    private static readonly CardSource Source = new()
    {
        Label = CardText.SourceLabel,
        Url = CardText.Simon2013,
        Topic = new CdsCoding { System = CdsLmnCodes.TopicSystem, Code = CardText.TopicCode, Display = CardText.TopicDisplay },
    };

    public static Card ToCard(Advice advice)
    {
        var suggestions = advice.Suggestions.Select(ToSuggestion).ToList();
        return new Card
        {
            Summary = advice.Summary,
            Detail = advice.Detail,
            Indicator = advice.Indicator == AdviceIndicator.Warning ? CardIndicator.Warning : CardIndicator.Info,
            Source = Source,
            Suggestions = suggestions,
            SelectionBehavior = suggestions.Count > 0 ? SelectionBehavior.Any : null,
            OverrideReasons = advice.OverrideReasons
                .Select(reason => new CdsCoding { System = CdsLmnCodes.OverrideReasonSystem, Code = reason.Code, Display = reason.Display })
                .ToList(),
            Links = advice.Links.Select(link => new CardLink { Label = link.Label, Url = link.Url, Type = LinkType.Absolute }).ToList(),
            Extension = new JsonObject { [DecisionExtension] = ToJson(advice.Trace) },
        };
    }

    private static Suggestion ToSuggestion(SuggestedChange change) => new()
    {
        Label = change.Label,
        Actions =
        [
            change switch
            {
                CreateResource create => new CdsAction
                {
                    Type = ActionType.Create,
                    Description = create.Description,
                    Resource = ToJsonElement(create.Resource),
                },
                DeleteDraftOrder delete => new CdsAction { Type = ActionType.Delete, Description = delete.Description, ResourceId = delete.ResourceId },
                _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "No CDS Hooks action for this suggestion."),
            },
        ],
    };

    /// <summary>The FHIR JSON of a resource as a self-contained element (no pooled document left undisposed).</summary>
    private static JsonElement ToJsonElement(Hl7.Fhir.Model.Resource resource)
    {
        var reader = new Utf8JsonReader(FhirSerializer.SerializeToBytes(resource));
        return JsonElement.ParseValue(ref reader);
    }

    private static JsonObject ToJson(DecisionTrace trace)
    {
        var json = new JsonObject
        {
            ["row"] = trace.Row,
            ["conductionBlock"] = trace.ConductionBlock,
            ["antiGm1IgM"] = trace.AntiGm1IgM,
            ["creatineKinase"] = trace.CreatineKinase,
            ["ongoingIvig"] = trace.OngoingIvig,
        };
        if (trace.Evidence.Count > 0)
        {
            json["evidence"] = new JsonArray(trace.Evidence.Select(id => (JsonNode?)JsonValue.Create(id)).ToArray());
        }
        if (trace.Flags.Count > 0)
        {
            json["flags"] = new JsonArray(trace.Flags.Select(flag => (JsonNode?)JsonValue.Create(flag)).ToArray());
        }
        return json;
    }
}
