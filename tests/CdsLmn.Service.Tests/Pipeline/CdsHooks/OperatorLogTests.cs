using System.Net;
using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.Stewardship;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;


namespace CdsLmn.Service.Tests.Pipeline.CdsHooks;

/// <summary>What an operator reads at the configured levels: one line per failed hook call, quiet health polls, hashed patients.</summary>
public sealed class OperatorLogTests(AppFixture<OperatorLogTests.AuditAtInformation> appFixture) : IClassFixture<AppFixture<OperatorLogTests.AuditAtInformation>>
{
    private readonly CdsLmnApp _app = appFixture.App;

    /// <summary>
    /// The service with its log captured under the levels it is configured with (appsettings.json), as an operator's
    /// console would show them — unlike the auth tests' capture, which lifts every filter to Trace. The audit category
    /// is kept at Information, as a site that routes it to its SIEM would.
    /// </summary>
    public sealed class AuditAtInformation : IAppProfile
    {
        public static AppSettings Settings { get; } = AppSettings.Development.With(("Logging:LogLevel:CdsLmn.Audit", "Information"));
    }

    [Fact]
    public async Task AFailedHookCallLogsOneWarningNamingTheKeysAndWhyWithoutStackTraces()
    {
        _app.Ehr.Server.Given(Request.Create().UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        var client = _app.CreateClient();
        var before = _app.Logs.Entries.Count;

        using var response = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Scenario.WithoutPrefetch(_app.Ehr, Scenario.Warning().OrderSelect())));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        var logged = _app.Logs.Entries.Skip(before).ToList();
        var warning = Assert.Single(logged, e => e.Level == LogLevel.Warning);
        // Why: "answered 500", or "is failing (circuit open)" once the 27 failed attempts have opened the breaker.
        // Keys that failed for the same reason share one sentence: "antiGm1IgM, creatineKinase, … (the FHIR server …)".
        Assert.Matches(@"antiGm1IgM[^(]*\(the FHIR server ", warning.Text);
        Assert.Matches(@"creatineKinase[^(]*\(the FHIR server ", warning.Text);
        Assert.DoesNotContain(logged, e => e.Text.Contains("   at ", StringComparison.Ordinal));
        // Not even in a scope (a JSON console with IncludeScopes prints them): the FHIR URLs name the patient.
        Assert.DoesNotContain(logged, e => e.Text.Contains("pma-1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadinessPollsInDevelopmentLogNoWarning()
    {
        var client = _app.CreateClient();
        var before = _app.Logs.Entries.Count;

        for (var poll = 0; poll < 3; poll++)
        {
            using var response = await client.GetAsync("/health/ready");
            Assert.Contains("Degraded", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.DoesNotContain(_app.Logs.Entries.Skip(before), e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task TheAuditEventNamesThePatientByTheStoresHashNeverByTheRawId()
    {
        var body = Scenario.Warning().OrderSelect();
        var patientId = body["context"]!["patientId"]!.GetValue<string>();
        var hookInstance = Guid.NewGuid().ToString();
        body["hookInstance"] = hookInstance;

        using var response = await _app.CreateClient().PostAsync(TestData.OrderSelectUrl, TestData.Json(body));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _app.Services.GetRequiredService<ICardLedger>().FlushAsync(CancellationToken.None);

        var stored = StoredPatientHash(hookInstance);
        var audit = Assert.Single(_app.Logs.Entries, e => e.Category == HookAudit.Category && e.Text.Contains(hookInstance, StringComparison.Ordinal));
        Assert.Contains($"PatientHash={stored}", audit.Text, StringComparison.Ordinal);
        Assert.Contains($"Patient/{stored}", audit.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(patientId, audit.Text, StringComparison.Ordinal);
    }

    private string StoredPatientHash(string hookInstance) =>
        TestStore.Text(_app.SqlitePath, "SELECT patient_hash FROM issued_card WHERE hook_instance = $h", ("$h", hookInstance));
}
