using System.Net;
using System.Text.Json.Nodes;
using CdsLmn.Service.CdsHooks;

namespace CdsLmn.Service.Tests.Pipeline.CdsHooks.Auth;

/// <summary>
/// A whole hook exchange as an EHR makes it — signed client JWT, a FHIR access token, evidence partly prefetched
/// and partly read from the FHIR server — and what it leaves behind in the logs: one audit event, and neither
/// the JWT, the access token nor the patient's results (log hygiene and audit trail).
/// </summary>
public sealed class FullExchangeTests(AppFixture<Profiles.Auth> appFixture) : IClassFixture<AppFixture<Profiles.Auth>>
{
    private const string AccessToken = "fhir-at-7Qx9LmZ2pW";
    private const double Gm1Index = 17.25;   // distinctive values, so a leak cannot hide among other numbers
    private const double CreatineKinase = 1234.5;
    private readonly CdsLmnApp _app = appFixture.App;

    [Fact]
    public async Task LeavesOneAuditEventAndNoSecretOrClinicalValueInTheLogs()
    {
        var scenario = new Scenario().NerveConduction("260385009", daysAgo: 60).AntiGm1Index(Gm1Index, daysAgo: 57).CreatineKinase(CreatineKinase, daysAgo: 55);
        _app.Ehr.ServeEmptySearches().Serve("Observation", scenario.Prefetch["antiGm1IgM"]!);
        var body = scenario.Without("antiGm1IgM").OrderSelect();
        body["fhirServer"] = _app.Ehr.FhirBase;
        body["fhirAuthorization"] = JsonNode.Parse($$"""{"access_token":"{{AccessToken}}","token_type":"Bearer","expires_in":300,"scope":"patient/*.read","subject":"cdslmn"}""");
        var jwt = _app.Token(_app.Ehr.Es384, TestData.OrderSelectUrl).SignedBy(_app.Ehr.Es384);

        using var request = new HttpRequestMessage(HttpMethod.Post, TestData.OrderSelectUrl) { Content = TestData.Json(body) };
        request.Headers.Authorization = AuthCalls.Bearer(jwt);
        using var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["cards"]![0]!;
        Assert.Contains("17.25", (string)card["detail"]!, StringComparison.Ordinal);
        Assert.All(_app.Ehr.Server.LogEntries.Where(e => e.RequestMessage.Path.StartsWith("/fhir/", StringComparison.Ordinal)), e => Assert.Equal($"Bearer {AccessToken}", e.RequestMessage.Headers!["Authorization"].Single()));

        var logs = _app.Logs.AllText;
        Assert.DoesNotContain(AccessToken, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(jwt.Split('.')[2], logs, StringComparison.Ordinal);
        Assert.DoesNotContain(jwt.Split('.')[1], logs, StringComparison.Ordinal);
        Assert.DoesNotContain("17.25", logs, StringComparison.Ordinal);
        Assert.DoesNotContain("1234.5", logs, StringComparison.Ordinal);

        var audit = Assert.Single(_app.Logs.Entries, e => e.Category == HookAudit.Category && e.Text.Contains("d1577c69", StringComparison.Ordinal));
        Assert.Contains(FakeEhr.Issuer, audit.Text, StringComparison.Ordinal);
        Assert.Contains("ivig-lmn-order-select", audit.Text, StringComparison.Ordinal);
        Assert.Matches("PatientHash=[0-9a-f]{64}", audit.Text);
        Assert.DoesNotContain("pma-1", audit.Text, StringComparison.Ordinal);
        Assert.Contains("Observation/gm1-1", audit.Text, StringComparison.Ordinal);
        Assert.Contains("row 3", audit.Text, StringComparison.Ordinal);
        Assert.Contains((string)card["uuid"]!, audit.Text, StringComparison.Ordinal);
    }
}
