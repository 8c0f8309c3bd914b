using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

[JsonConverter(typeof(KebabCaseEnumConverter<LinkType>))]
internal enum LinkType
{
    Absolute,
    Smart,
}
