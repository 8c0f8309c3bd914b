using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Support;

/// <summary>
/// Shape mutations of a FHIR resource at any depth, the kind real EHR JSON gets wrong: one value where R4 wants an
/// array and an array where it wants one value, a primitive of the wrong JSON type, <c>null</c>, <c>{}</c>, and an
/// unknown member. Each mutation changes exactly one node, so a failure names its path.
/// </summary>
internal static class FhirShapeMutator
{
    public enum Shape
    {
        LoneValueForArray,
        ArrayForLoneValue,
        WrongPrimitiveType,
        Null,
        EmptyObject,
        UnknownMember,
    }

    public static readonly Shape[] Shapes = Enum.GetValues<Shape>();

    /// <summary>The path of every member and array item below <paramref name="resource"/> (its <c>resourceType</c> aside).</summary>
    public static IReadOnlyList<string> Paths(JsonNode resource) => [.. Walk(resource, "")];

    /// <summary>A copy of <paramref name="resource"/> with the node at <paramref name="path"/> reshaped; null when the shape does not apply there.</summary>
    public static JsonNode? Mutate(JsonNode resource, string path, Shape shape)
    {
        var copy = resource.DeepClone();
        var (parent, key, index) = Locate(copy, path);
        var node = key is not null ? parent[key] : parent[index];
        JsonNode? replacement;
        switch (shape)
        {
            case Shape.LoneValueForArray when node is JsonArray { Count: > 0 } array:
                replacement = array[0]?.DeepClone();
                break;
            case Shape.ArrayForLoneValue when node is not JsonArray:
                replacement = new JsonArray(node?.DeepClone());
                break;
            case Shape.WrongPrimitiveType when node is JsonValue value:
                replacement = WrongType(value);
                break;
            case Shape.Null:
                replacement = null;
                break;
            case Shape.EmptyObject:
                replacement = new JsonObject();
                break;
            case Shape.UnknownMember when node is JsonObject obj:
                var widened = (JsonObject)obj.DeepClone();
                widened["fuzzUnknownMember"] = new JsonObject { ["x"] = 1 };
                replacement = widened;
                break;
            default:
                return null;
        }

        if (key is not null)
        {
            parent.AsObject()[key] = replacement;
        }
        else
        {
            parent.AsArray()[index] = replacement;
        }
        return copy;
    }

    /// <summary>A string becomes a number, a number or boolean becomes a string.</summary>
    private static JsonNode WrongType(JsonValue value) =>
        value.TryGetValue<string>(out _) ? JsonValue.Create(12.5) : JsonValue.Create("fuzz");

    private static IEnumerable<string> Walk(JsonNode node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (path.Length == 0 && key == "resourceType")
                    {
                        continue;
                    }
                    var childPath = $"{path}/{key}";
                    yield return childPath;
                    foreach (var below in child is null ? [] : Walk(child, childPath))
                    {
                        yield return below;
                    }
                }
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    var childPath = $"{path}/{i}";
                    yield return childPath;
                    foreach (var below in array[i] is { } child ? Walk(child, childPath) : [])
                    {
                        yield return below;
                    }
                }
                break;
        }
    }

    private static (JsonNode Parent, string? Key, int Index) Locate(JsonNode root, string path)
    {
        var steps = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var parent = root;
        for (var i = 0; i < steps.Length - 1; i++)
        {
            parent = parent is JsonArray a ? a[int.Parse(steps[i], System.Globalization.CultureInfo.InvariantCulture)]! : parent[steps[i]]!;
        }
        var last = steps[^1];
        return parent is JsonArray ? (parent, null, int.Parse(last, System.Globalization.CultureInfo.InvariantCulture)) : (parent, last, -1);
    }
}
