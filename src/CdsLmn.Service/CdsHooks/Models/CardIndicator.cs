using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

[JsonConverter(typeof(KebabCaseEnumConverter<CardIndicator>))]
public enum CardIndicator
{
    Info,
    Warning,
    Critical,
}
