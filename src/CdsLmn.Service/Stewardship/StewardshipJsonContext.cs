using System.Text.Json;
using System.Text.Json.Serialization;

namespace CdsLmn.Service.Stewardship;

/// <summary>Source-generated JSON for the store's own documents (the report, accepted-suggestion keys).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StewardshipSummary))]
[JsonSerializable(typeof(string[]))]
internal sealed partial class StewardshipJsonContext : JsonSerializerContext;
