using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;


namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>
/// Thousands of mutated hook requests through the real pipeline: never a 5xx, every 4xx an OperationOutcome,
/// every 200 a valid CDS Hooks response. CDSLMN_FUZZ_COUNT asks for more (default 4,000: fewer than the 5,000 of
/// before, because FHIR-shape mutations and the contained-Medication seed are evaluated in full and cost more per
/// request); the seed is fixed; CDSLMN_FUZZ_DUMP names a folder to write failing bodies to, for replay with curl.
/// </summary>
public sealed class HookFuzzTests(AppFixture<HookFuzzTests.Offline> appFixture) : IClassFixture<AppFixture<HookFuzzTests.Offline>>
{
    private const int Seed = 20261126;
    private readonly CdsLmnApp _app = appFixture.App;

    private static readonly (string Fixture, string Url)[] Seeds =
    [
        ("examples/order-select-ivig.json", TestData.OrderSelectUrl),
        ("examples/order-sign-ivig.json", TestData.OrderSignUrl),
        ("sandbox/order-select.json", TestData.OrderSelectUrl),
        ("sandbox/order-sign.json", TestData.OrderSignUrl),
        ("sandbox/order-select-labetalol.json", TestData.OrderSelectUrl),
    ];

    [Fact]
    public async Task NoMutatedRequestBreaksTheService()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("CDSLMN_FUZZ_COUNT"), CultureInfo.InvariantCulture, out var n) ? n : 4_000;
        var mutator = new RequestMutator(Seed);
        var seeds = Seeds.Select(s => (Body: TestData.Node(s.Fixture), s.Url)).Append((WithContainedMedication(TestData.Node(Seeds[1].Fixture)), Seeds[1].Url)).ToList();
        var client = _app.CreateClient();
        var failures = new List<string>();
        var statuses = new Dictionary<int, int>();

        for (var i = 0; i < count && failures.Count < 5; i++)
        {
            var (body, url) = seeds[i % seeds.Count];
            var bytes = mutator.Mutate(body);
            using var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new("application/json");

            using var response = await client.PostAsync(url, content);

            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var problem = await CheckAsync(response);
            if (problem is not null)
            {
                failures.Add($"#{i} ({mutator.Describe}) → {status}: {problem}");
                if (Environment.GetEnvironmentVariable("CDSLMN_FUZZ_DUMP") is { Length: > 0 } dump)
                {
                    Directory.CreateDirectory(dump);
                    await File.WriteAllBytesAsync(Path.Combine(dump, $"fuzz-{i}.json"), bytes);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.True(statuses.GetValueOrDefault(200) > 0 && statuses.GetValueOrDefault(400) > 0,
            $"the mutations should produce both accepted and refused requests: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
    }

    /// <summary>The order names its product through a contained Medication, so the shape mutations reach <c>contained</c>.</summary>
    private static JsonObject WithContainedMedication(JsonObject request)
    {
        var order = request["context"]!["draftOrders"]!["entry"]![0]!["resource"]!.AsObject();
        var product = order["medicationCodeableConcept"]!.DeepClone();
        order.Remove("medicationCodeableConcept");
        order["contained"] = new JsonArray(new JsonObject { ["resourceType"] = "Medication", ["id"] = "med", ["code"] = product });
        order["medicationReference"] = new JsonObject { ["reference"] = "#med" };
        return request;
    }

    private static async Task<string?> CheckAsync(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500)
        {
            return "server error";
        }
        try
        {
            var json = JsonNode.Parse(text)!.AsObject();
            if (status >= 400)
            {
                return (string?)json["resourceType"] == "OperationOutcome" && response.Content.Headers.ContentType?.MediaType == "application/fhir+json"
                    ? null
                    : "4xx without an OperationOutcome";
            }
            if (status != 200 || json["cards"] is not JsonArray cards)
            {
                return "not a CDS Hooks response";
            }
            foreach (var card in cards)
            {
                CardAssert.IsConformant(card!.AsObject());
            }
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or Xunit.Sdk.XunitException)
        {
            return $"invalid body: {e.Message}";
        }
    }

    /// <summary>No FHIR server is allowlisted, so fuzzed requests never wait on the network.</summary>
    public sealed class Offline : IAppProfile
    {
        public static AppSettings Settings { get; } = AppSettings.Development.With(
            ("CdsLmn:Fhir:AllowedServers:0", "https://fhir.invalid/fuzz"),
            ("CdsLmn:Fhir:AllowedServers:1", "https://fhir.invalid/fuzz"));
    }
}
