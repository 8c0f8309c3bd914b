using System.Text.Json;
using System.Text.Json.Serialization;
using CdsLmn.Service.CdsHooks.Models;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// Source-generated JSON for the wire models, read and written with one set of rules: hook responses (through
/// <see cref="CdsJson.Options"/>, which adds the omit-empty modifier), <c>fhirAuthorization</c>, feedback and its receipt.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(FhirAuthorization))]
[JsonSerializable(typeof(CdsResponse))]
[JsonSerializable(typeof(FeedbackRequest))]
[JsonSerializable(typeof(FeedbackReceipt))]
internal sealed partial class CdsJsonContext : JsonSerializerContext;
