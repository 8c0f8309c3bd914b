using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

[JsonConverter(typeof(KebabCaseEnumConverter<CardIndicator>))]
internal enum CardIndicator
{
    Info,
    Warning,
    Critical,
}
