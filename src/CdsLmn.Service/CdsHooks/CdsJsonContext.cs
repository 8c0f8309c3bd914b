using System.Text.Json;
using System.Text.Json.Serialization;
using CdsLmn.Service.CdsHooks.Models;

namespace CdsLmn.Service.CdsHooks;

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(FhirAuthorization))]
[JsonSerializable(typeof(CdsResponse))]
internal sealed partial class CdsJsonContext : JsonSerializerContext;
