using System.Text.Json;
using System.Text.Json.Serialization;
using CdsLmn.Service.CdsHooks.Models;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// Source-generated JSON for the feedback endpoint, with the same settings as <see cref="CdsJsonContext"/>
/// (a sibling context keeps feedback separate from the hook wire model). The receipt's one optional member,
/// <c>foreign</c>, is omitted when 0 by its own attribute.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(FeedbackRequest))]
[JsonSerializable(typeof(FeedbackReceipt))]
internal sealed partial class FeedbackJsonContext : JsonSerializerContext;
