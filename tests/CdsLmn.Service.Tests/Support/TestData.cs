using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Support;

/// <summary>Request bodies from TestData/: the sandbox captures, our examples, and variations of them.</summary>
internal static class TestData
{
    public const string OrderSelectUrl = "/cds-services/ivig-lmn-order-select";
    public const string OrderSignUrl = "/cds-services/ivig-lmn-order-sign";

    public static string Read(string relativePath) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", relativePath));

    public static JsonObject Node(string relativePath) => JsonNode.Parse(Read(relativePath))!.AsObject();

    public static StringContent Json(string body) => new(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    public static StringContent Json(JsonNode body) => Json(body.ToJsonString());
}
