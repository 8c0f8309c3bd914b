using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

[JsonConverter(typeof(KebabCaseEnumConverter<LinkType>))]
public enum LinkType
{
    Absolute,
    Smart,
}
