using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

[JsonConverter(typeof(KebabCaseEnumConverter<ActionType>))]
internal enum ActionType
{
    Create,
    Update,
    Delete,
}
