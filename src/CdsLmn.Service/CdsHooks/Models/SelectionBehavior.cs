using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

[JsonConverter(typeof(KebabCaseEnumConverter<SelectionBehavior>))]
public enum SelectionBehavior
{
    AtMostOne,
    Any,
}
