using System.Text;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Support;

/// <summary>
/// Deterministic mutations of valid hook requests (a fixed seed gives the same bodies every run): deleted
/// members, wrong JSON types, huge strings and arrays, deep nesting, out-of-range numbers, duplicate keys,
/// invalid UTF-8, FHIR resources of the wrong type, FHIR shape mutations deep inside the resources
/// (<see cref="FhirShapeMutator"/>), truncation — alone or stacked.
/// </summary>
internal sealed class RequestMutator(int seed)
{
    private const string Placeholder = "__FUZZ_RAW__";

    private static readonly string[] ResourceTypes =
        ["Patient", "OperationOutcome", "Bundle", "Observation", "MedicationRequest", "Medication", "Condition", "NoSuchResource", ""];

    private static readonly string[] RawValues =
        ["1e400", "-1e400", "99999999999999999999999999999", "-0", "0.0000000000000000000001", "NaN", "true", "[]", "{}", "\"\\ud800\""];

    private readonly Random _random = new(seed);

    public string Describe { get; private set; } = "";

    public byte[] Mutate(JsonObject original)
    {
        var body = (JsonObject)original.DeepClone();
        var steps = new List<string>();
        var rounds = _random.Next(10) < 8 ? 1 : _random.Next(2, 4);
        string? raw = null;
        for (var i = 0; i < rounds; i++)
        {
            var kind = _random.Next(10);
            if (kind >= 8)
            {
                body = ReshapeFhir(body, out var step);
                steps.Add(step);
                continue;
            }
            steps.Add(kind switch
            {
                0 => DeleteMember(body),
                1 => ReplaceWithWrongType(body),
                2 => ReplaceWith(body, JsonValue.Create(new string('x', _random.Next(10_000, 300_000))), "huge string"),
                3 => ReplaceWith(body, HugeArray(), "huge array"),
                4 => ReplaceWith(body, Nested(_random.Next(50, 400)), "deep nesting"),
                5 => ReplaceWithRaw(body, ref raw),
                6 => ChangeResourceType(body),
                _ => ReplaceWith(body, JsonValue.Create((string?)null), "null"),
            });
        }

        var text = body.ToJsonString();
        if (raw is not null)
        {
            text = text.Replace($"\"{Placeholder}\"", raw, StringComparison.Ordinal);
        }

        var bytes = Encoding.UTF8.GetBytes(text);
        switch (_random.Next(12))
        {
            case 0:
                steps.Add("duplicate key");
                bytes = Encoding.UTF8.GetBytes(DuplicateKey(text));
                break;
            case 1:
                steps.Add("invalid UTF-8");
                bytes = InvalidUtf8(bytes);
                break;
            case 2:
                steps.Add("truncated");
                bytes = bytes[.._random.Next(bytes.Length)];
                break;
        }
        Describe = string.Join(" + ", steps);
        return bytes;
    }

    /// <summary>One <see cref="FhirShapeMutator"/> mutation at any depth inside the draft orders or a prefetch value.</summary>
    private JsonObject ReshapeFhir(JsonObject body, out string step)
    {
        var paths = FhirShapeMutator.Paths(body)
            .Where(p => p.StartsWith("/context/draftOrders/", StringComparison.Ordinal) || p.StartsWith("/prefetch/", StringComparison.Ordinal))
            .ToList();
        for (var attempt = 0; paths.Count > 0 && attempt < 10; attempt++)
        {
            var path = paths[_random.Next(paths.Count)];
            var shape = FhirShapeMutator.Shapes[_random.Next(FhirShapeMutator.Shapes.Length)];
            if (FhirShapeMutator.Mutate(body, path, shape) is JsonObject mutated)
            {
                step = $"FHIR {shape} at {path}";
                return mutated;
            }
        }
        step = DeleteMember(body);
        return body;
    }

    private string DeleteMember(JsonObject body)
    {
        var (parent, key) = PickMember(body);
        parent.Remove(key);
        return $"delete {key}";
    }

    private string ReplaceWithWrongType(JsonObject body)
    {
        JsonNode? value = _random.Next(6) switch
        {
            0 => JsonValue.Create(_random.Next()),
            1 => JsonValue.Create("text"),
            2 => JsonValue.Create(_random.Next(2) == 0),
            3 => new JsonArray(JsonValue.Create(1), JsonValue.Create("a")),
            4 => new JsonObject { ["unexpected"] = 1 },
            _ => JsonValue.Create(-1.5),
        };
        return ReplaceWith(body, value, "wrong type");
    }

    private string ReplaceWith(JsonObject body, JsonNode? value, string what)
    {
        var (parent, key) = PickMember(body);
        parent[key] = value;
        return $"{what} at {key}";
    }

    private string ReplaceWithRaw(JsonObject body, ref string? raw)
    {
        raw = RawValues[_random.Next(RawValues.Length)];
        return ReplaceWith(body, JsonValue.Create(Placeholder), $"raw {raw}");
    }

    private string ChangeResourceType(JsonObject body)
    {
        var resources = Descendants(body).OfType<JsonObject>().Where(o => o.ContainsKey("resourceType")).ToList();
        if (resources.Count == 0)
        {
            return DeleteMember(body);
        }
        var type = ResourceTypes[_random.Next(ResourceTypes.Length)];
        resources[_random.Next(resources.Count)]["resourceType"] = type;
        return $"resourceType {type}";
    }

    private JsonArray HugeArray()
    {
        var array = new JsonArray();
        var count = _random.Next(1_000, 20_000);
        for (var i = 0; i < count; i++)
        {
            array.Add(i % 3 == 0 ? JsonValue.Create(i) : new JsonObject { ["resourceType"] = "Observation", ["id"] = $"o{i}" });
        }
        return array;
    }

    private static JsonNode Nested(int depth)
    {
        JsonNode node = JsonValue.Create(1);
        for (var i = 0; i < depth; i++)
        {
            node = i % 2 == 0 ? new JsonArray(node) : new JsonObject { ["n"] = node };
        }
        return node;
    }

    private string DuplicateKey(string text)
    {
        string[] keys = ["hook", "hookInstance", "context", "patientId", "resourceType", "prefetch", "fhirServer"];
        var key = keys[_random.Next(keys.Length)];
        var at = text.IndexOf($"\"{key}\":", StringComparison.Ordinal);
        return at < 0 ? text : text.Insert(at, $"\"{key}\":{(_random.Next(2) == 0 ? "null" : "\"duplicate\"")},");
    }

    private byte[] InvalidUtf8(byte[] bytes)
    {
        byte[][] bad = [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xF0, 0x28, 0x8C, 0x28], [0xED, 0xA0, 0x80]];
        var at = _random.Next(bytes.Length);
        return [.. bytes[..at], .. bad[_random.Next(bad.Length)], .. bytes[at..]];
    }

    private (JsonObject Parent, string Key) PickMember(JsonObject body)
    {
        var members = Descendants(body).OfType<JsonObject>().SelectMany(o => o.Select(p => (o, p.Key))).ToList();
        return members[_random.Next(members.Count)];
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in Descendants(child))
            {
                yield return descendant;
            }
        }
    }
}
