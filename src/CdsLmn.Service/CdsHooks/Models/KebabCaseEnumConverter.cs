using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>CDS Hooks spells its codes in lower kebab case (<c>at-most-one</c>).</summary>
internal sealed class KebabCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
