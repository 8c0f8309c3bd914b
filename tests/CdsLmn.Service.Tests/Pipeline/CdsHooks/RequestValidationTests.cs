using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>docs/service-contract.md status codes; docs/cds-hooks-spec.md §10 items 11–18: every bad request gets a 4xx OperationOutcome.</summary>
public sealed class RequestValidationTests(AppFixture<Profiles.Development> appFixture) : IClassFixture<AppFixture<Profiles.Development>>
{
    private const string SelectFixture = "sandbox/order-select.json";
    private const string SignFixture = "sandbox/order-sign.json";
    private readonly CdsLmnApp _app = appFixture.App;

    public static TheoryData<string, string, string, string> BadRequests() => new()
    {
        // fixture, JSON path to remove or replace ("-" removes), replacement, text the diagnostics must name
        { SelectFixture, "hook", "-", "'hook'" },
        { SelectFixture, "hookInstance", "-", "'hookInstance'" },
        { SelectFixture, "context", "-", "'context'" },
        { SelectFixture, "context", "null", "'context'" },
        { SelectFixture, "context.patientId", "-", "'context.patientId'" },
        { SelectFixture, "context.userId", "-", "'context.userId'" },
        { SelectFixture, "context.userId", "42", "'context.userId'" },
        { SelectFixture, "context.draftOrders", "-", "'context.draftOrders'" },
        { SelectFixture, "context.draftOrders", "\"not a bundle\"", "'context.draftOrders'" },
        { SelectFixture, "context.draftOrders", """{"resourceType":"Patient"}""", "'context.draftOrders'" },
        { SelectFixture, "context.selections", "-", "'context.selections'" },
        { SelectFixture, "context.selections", "[]", "'context.selections'" },
        { SelectFixture, "context.selections", """["MedicationRequest/not-there"]""", "MedicationRequest/not-there" },
        { SelectFixture, "hook", "\"order-sign\"", "order-select" },
        { SelectFixture, "hook", "\"patient-view\"", "patient-view" },
        { SignFixture, "hook", "\"order-select\"", "order-sign" },
        { SelectFixture, "fhirServer", "-", "fhirServer" },
        { SelectFixture, "fhirServer", "\"not a url\"", "fhirServer" },
        { SelectFixture, "prefetch", "[1,2]", "'prefetch'" },
        { SelectFixture, "hookInstance", "{}", "'hookInstance'" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task AnswersBadRequestNamingTheField(string fixture, string path, string replacement, string named)
    {
        var body = TestData.Node(fixture);
        if (path == "fhirServer" && replacement == "-")
        {
            // fhirAuthorization without fhirServer
            body["fhirAuthorization"] = JsonNode.Parse("""{"access_token":"secret-token-123","token_type":"Bearer","expires_in":300,"scope":"patient/*.read","subject":"cdslmn"}""");
        }
        Mutate(body, path, replacement);

        using var response = await _app.CreateClient().PostAsync(UrlFor(fixture), TestData.Json(body));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(named, diagnostics, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-123", diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{")]
    [InlineData("[]")]
    [InlineData("\"text\"")]
    [InlineData("{\"hook\":\"order-select\",}")]
    [InlineData("")]
    public async Task AnswersBadRequestForMalformedJson(string body)
    {
        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(body));

        await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnswersBadRequestForInvalidUtf8()
    {
        var bytes = Encoding.UTF8.GetBytes(TestData.Read(SelectFixture)).ToList();
        bytes.InsertRange(bytes.IndexOf((byte)'I'), new byte[] { 0xC3, 0x28 });
        using var content = new ByteArrayContent(bytes.ToArray());
        content.Headers.ContentType = new("application/json");

        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, content);

        await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task AnswersNotFoundForAnUnknownService()
    {
        using var response = await _app.CreateClient().PostAsync("/cds-services/no-such-service", TestData.Json(TestData.Read(SelectFixture)));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no-such-service", diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task AnswersUnsupportedMediaTypeForNonJson(string contentType)
    {
        using var content = new StringContent(TestData.Read(SelectFixture), Encoding.UTF8, contentType);

        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, content);

        await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task AnswersUnsupportedMediaTypeWithoutContentType()
    {
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(TestData.Read(SelectFixture)));

        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, content);

        await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnswersPayloadTooLargeOverOneMebibyte(bool announceLength)
    {
        var body = TestData.Node(SelectFixture);
        body["extension"] = new JsonObject { ["org.example.padding"] = new string('x', 1024 * 1024) };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        HttpContent content = announceLength ? new ByteArrayContent(bytes) : new StreamContent(new MemoryStream(bytes));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, TestData.OrderSelectUrl) { Content = content };
        if (!announceLength)
        {
            request.Headers.TransferEncodingChunked = true;
        }

        using var response = await _app.CreateClient().SendAsync(request);

        await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task AcceptsABodyJustUnderTheLimit()
    {
        var body = TestData.Node(SelectFixture);
        var size = body.ToJsonString().Length;
        body["extension"] = new JsonObject { ["org.example.padding"] = new string('x', 1024 * 1024 - size - 64) };

        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task IgnoresUnknownMembersAndExtensions()
    {
        var body = TestData.Node(SelectFixture);
        body["somethingNew"] = new JsonObject { ["nested"] = true };
        body["extension"] = new JsonObject { ["com.example.flag"] = "x" };
        body["context"]!["futureContextField"] = 7;
        body["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["unknownFhirElement"] = "x";

        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("examples/order-select-ivig.json")]
    [InlineData("examples/order-sign-ivig.json")]
    public async Task AnswersBadRequestForADraftOrderFirelyCannotRead(string fixture)
    {
        var body = TestData.Node(fixture);
        // One object where R4 wants an array, deep enough that Firely throws while validating it.
        body["context"]!["draftOrders"]!["entry"]![0]!["resource"]!["contained"] =
            JsonNode.Parse("""{"resourceType":"Medication","id":"med","code":{"text":"Privigen 10%"}}""");

        using var response = await _app.CreateClient().PostAsync(fixture.Contains("sign", StringComparison.Ordinal) ? TestData.OrderSignUrl : TestData.OrderSelectUrl, TestData.Json(body));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("'context.draftOrders.entry[0]'", diagnostics, StringComparison.Ordinal);
        Assert.Contains("MedicationRequest", diagnostics, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"hook\":", "\"hook\":\"order-select\",", "hook")]
    [InlineData("\"patientId\":", "\"patientId\":\"someone-else\",", "patientId")]
    [InlineData("\"intent\":", "\"intent\":\"plan\",", "intent")]
    [InlineData("\"gender\":", "\"gender\":\"female\",", "gender")]
    public async Task AnswersBadRequestForADuplicateMemberAnywhere(string before, string duplicate, string named)
    {
        var text = TestData.Node("examples/order-select-ivig.json").ToJsonString();
        var at = text.IndexOf(before, StringComparison.Ordinal);
        Assert.True(at >= 0, before);

        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(text.Insert(at, duplicate)));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains($"duplicate member '{named}'", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnswersMethodNotAllowedWithAnOutcome()
    {
        using var response = await _app.CreateClient().PutAsync(TestData.OrderSelectUrl, TestData.Json("{}"));

        await OperationOutcomeAssert.IsOutcomeAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    private static string UrlFor(string fixture) => fixture == SignFixture ? TestData.OrderSignUrl : TestData.OrderSelectUrl;

    private static void Mutate(JsonObject body, string path, string replacement)
    {
        var segments = path.Split('.');
        var parent = segments[..^1].Aggregate((JsonNode)body, (node, segment) => node[segment]!).AsObject();
        if (replacement == "-")
        {
            parent.Remove(segments[^1]);
        }
        else
        {
            parent[segments[^1]] = JsonNode.Parse(replacement);
        }
    }
}
