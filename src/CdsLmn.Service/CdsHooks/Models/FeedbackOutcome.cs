using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>What happened to a card (<c>cds-fb-1</c>); an ignored card gets no feedback at all.</summary>
[JsonConverter(typeof(KebabCaseEnumConverter<FeedbackOutcome>))]
internal enum FeedbackOutcome
{
    Accepted,
    Overridden,
}
