using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

[JsonConverter(typeof(KebabCaseEnumConverter<SelectionBehavior>))]
internal enum SelectionBehavior
{
    AtMostOne,
    Any,
}
