using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

[JsonConverter(typeof(KebabCaseEnumConverter<CardIndicator>))]
public enum CardIndicator
{
    Info,
    Warning,
    Critical,
}

[JsonConverter(typeof(KebabCaseEnumConverter<SelectionBehavior>))]
public enum SelectionBehavior
{
    AtMostOne,
    Any,
}

[JsonConverter(typeof(KebabCaseEnumConverter<ActionType>))]
public enum ActionType
{
    Create,
    Update,
    Delete,
}

[JsonConverter(typeof(KebabCaseEnumConverter<LinkType>))]
public enum LinkType
{
    Absolute,
    Smart,
}

/// <summary>CDS Hooks spells its codes in lower kebab case (<c>at-most-one</c>).</summary>
public sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
