using System.Collections;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using CdsLmn.Service.CdsHooks.Models;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// The JSON rules of CDS Hooks in one place (docs/cds-hooks-spec.md §4.1): camelCase, kebab-case codes, and
/// never a <c>null</c>, <c>""</c>, <c>[]</c> or <c>{}</c> member — except the response's <c>cards</c>,
/// which is REQUIRED even when empty.
/// </summary>
internal static class CdsJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(CdsJsonContext.Default.Options)
        {
            TypeInfoResolver = CdsJsonContext.Default.WithAddedModifier(OmitEmptyMembers),
        };
        options.MakeReadOnly();
        return options;
    }

    private static void OmitEmptyMembers(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (typeInfo.Type == typeof(CdsResponse) && property.Name == "cards")
            {
                continue;
            }
            property.ShouldSerialize = static (_, value) => !IsEmpty(value);
        }
    }

    internal static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        JsonObject o => o.Count == 0,
        JsonElement { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } => true,
        JsonElement { ValueKind: JsonValueKind.Object } e => !e.EnumerateObject().Any(),
        JsonElement { ValueKind: JsonValueKind.Array } e => e.GetArrayLength() == 0,
        ICollection c => c.Count == 0,
        _ => false,
    };
}
