using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using CdsLmn.Clinical;
using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.Evidence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WireMock.ResponseBuilders;
using Task = System.Threading.Tasks.Task;

namespace CdsLmn.Service.Tests.Pipeline.Evidence;

/// <summary>docs/cds-hooks-spec.md §3 and §10 items 19–27, against WireMock as the EHR's FHIR server.</summary>
public sealed class EvidenceGathererTests : IDisposable
{
    private const string Token = "tok-3f9a1c";
    private readonly CdsLmnApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task FetchesEveryAbsentKeyFromTheFhirServerWithTheBearerToken()
    {
        _app.Ehr.ServeEmptySearches().Serve("Condition", FhirJson.Bundle(FhirJson.Condition("c1", "http://hl7.org/fhir/sid/icd-10-cm", "G12.25")));
        var request = HookRequest(prefetch: new JsonObject());

        var evidence = await Gatherer().CompleteAsync(request, ReadRequest(request), CancellationToken.None);

        var clinical = evidence.ToClinicalEvidence();
        Assert.Empty(clinical.Unavailable);
        Assert.Equal("c1", Assert.Single(clinical.Conditions).Id);
        Assert.Equal("pma-1", clinical.Patient?.Id);
        var calls = _app.Ehr.Server.LogEntries.ToList();
        Assert.Equal(9, calls.Count);
        Assert.All(calls, call => Assert.Equal($"Bearer {Token}", call.RequestMessage.Headers!["Authorization"].Single()));
        Assert.Contains(calls, call => call.RequestMessage.Path == "/fhir/Observation" && call.RequestMessage.RawQuery!.Contains("51703-7", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ANullKeyMeansNoDataAndIsNotFetchedAgain()
    {
        _app.Ehr.ServeEmptySearches();
        var prefetch = AllKeys(key => null);
        var request = HookRequest(prefetch);

        var partial = ReadRequest(request);

        Assert.Empty(partial.ToClinicalEvidence().Unavailable);
        Assert.All(partial.Results.Values, r => Assert.Empty(r.Resources));
    }

    [Fact]
    public async Task AnEmptyBundleMeansNoData()
    {
        var request = HookRequest(AllKeys(_ => FhirJson.Bundle()));

        var clinical = ReadRequest(request).ToClinicalEvidence();

        Assert.Empty(clinical.Unavailable);
        await Task.CompletedTask;
    }

    [Theory]
    [InlineData("outcome")]
    [InlineData("bundle-with-error")]
    [InlineData("not-fhir")]
    [InlineData("wrong-type")]
    public async Task AFailedPrefetchIsFetchedAgain(string failure)
    {
        _app.Ehr.ServeEmptySearches().Serve("Observation", FhirJson.Bundle(FhirJson.Observation("ck-9", "http://loinc.org", "2157-6", DateTimeOffset.UtcNow.AddDays(-3),
            new JsonObject { ["valueQuantity"] = new JsonObject { ["value"] = 200, ["unit"] = "U/L" } })));
        JsonNode? bad = failure switch
        {
            "outcome" => FhirJson.Outcome(),
            "bundle-with-error" => FhirJson.Bundle(FhirJson.Outcome()),
            "not-fhir" => JsonValue.Create("nothing here"),
            _ => FhirJson.Bundle(JsonNode.Parse("""{"resourceType":"NoSuchThing","id":"x"}""")!),
        };
        var request = HookRequest(AllKeys(key => key == "creatineKinase" ? bad : null));

        var partial = ReadRequest(request);
        Assert.Equal([EvidenceKind.CreatineKinase], partial.ToClinicalEvidence().Unavailable);

        var complete = await Gatherer().CompleteAsync(request, partial, CancellationToken.None);

        Assert.Empty(complete.ToClinicalEvidence().Unavailable);
        Assert.Equal("ck-9", Assert.Single(complete.Results["creatineKinase"].Resources).Id);
        Assert.Equal(["/fhir/Observation"], _app.Ehr.PathsRequested());
    }

    [Fact]
    public void AnInformationalOutcomeInABundleIsNotAFailure()
    {
        var bundle = FhirJson.Bundle(FhirJson.Outcome("information"), FhirJson.Condition("c1", "http://hl7.org/fhir/sid/icd-10-cm", "G12.25"));
        var request = HookRequest(AllKeys(key => key == "conditions" ? bundle : null));

        var clinical = ReadRequest(request).ToClinicalEvidence();

        Assert.Empty(clinical.Unavailable);
        Assert.Equal("c1", Assert.Single(clinical.Conditions).Id);
    }

    [Fact]
    public async Task FollowsNextLinksOfAPaginatedPrefetch()
    {
        var page2 = FhirJson.Bundle(FhirJson.Condition("c2", "http://hl7.org/fhir/sid/icd-10-cm", "G12.25"));
        _app.Ehr.Serve("Condition", FhirJson.WithNext(page2, $"{_app.Ehr.FhirBase}/Condition?page=3"));
        _app.Ehr.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/fhir/Condition").WithParam("page", "3").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(FhirJson.Bundle(FhirJson.Condition("c3", "http://snomed.info/sct", "37340000")).ToJsonString()));
        var page1 = FhirJson.WithNext(FhirJson.Bundle(FhirJson.Condition("c1", "http://hl7.org/fhir/sid/icd-10-cm", "G12.20")), $"{_app.Ehr.FhirBase}/Condition?page=2");
        var request = HookRequest(AllKeys(key => key == "conditions" ? page1 : null));

        var partial = ReadRequest(request);
        Assert.Contains(EvidenceKind.Conditions, partial.ToClinicalEvidence().Unavailable);
        var complete = await Gatherer().CompleteAsync(request, partial, CancellationToken.None);

        Assert.Equal(["c1", "c2", "c3"], complete.ToClinicalEvidence().Conditions.Select(c => c.Id!).Order());
        Assert.Empty(complete.ToClinicalEvidence().Unavailable);
    }

    [Fact]
    public async Task RefusesANextLinkThatLeavesTheFhirServer()
    {
        var page1 = FhirJson.WithNext(FhirJson.Bundle(FhirJson.Condition("c1", "http://hl7.org/fhir/sid/icd-10-cm", "G12.20")), "http://evil.example/steal?page=2");
        var request = HookRequest(AllKeys(key => key == "conditions" ? page1 : null));

        var complete = await Gatherer().CompleteAsync(request, ReadRequest(request), CancellationToken.None);

        Assert.Contains("outside fhirServer", complete.Results["conditions"].Failure, StringComparison.Ordinal);
        Assert.Equal([EvidenceKind.Conditions], complete.ToClinicalEvidence().Unavailable);
        Assert.Empty(_app.Ehr.PathsRequested());
    }

    [Theory]
    [InlineData("http://127.0.0.2:{port}/fhir")]
    [InlineData("https://localhost:{port}/fhir")]
    [InlineData("http://user:pw@localhost:{port}/fhir")]
    public async Task NeverContactsAServerOffTheAllowlist(string server)
    {
        _app.Ehr.ServeEmptySearches();
        var request = HookRequest(new JsonObject()) with { FhirServer = server.Replace("{port}", _app.Ehr.Server.Port.ToString(), StringComparison.Ordinal) };

        var complete = await Gatherer().CompleteAsync(request, ReadRequest(request), CancellationToken.None);

        Assert.Empty(_app.Ehr.PathsRequested());
        Assert.All(complete.Results.Values, r => Assert.Contains("allowlist", r.Failure, StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutFhirServerAMissingKeyStaysUnavailable()
    {
        var request = HookRequest(AllKeys(key => key == "antiGm1IgM" ? Missing : null)) with { FhirServer = null, AccessToken = null };

        var complete = await Gatherer().CompleteAsync(request, ReadRequest(request), CancellationToken.None);

        Assert.Equal([EvidenceKind.AntiGm1IgM], complete.ToClinicalEvidence().Unavailable);
        Assert.Contains("no fhirServer", complete.Problem("antiGm1IgM"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetriesAFailingServerAndSucceeds()
    {
        _app.Ehr.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/fhir/Condition").UsingGet()).InScenario("flaky").WillSetStateTo("recovered")
            .RespondWith(Response.Create().WithStatusCode(503));
        _app.Ehr.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/fhir/Condition").UsingGet()).InScenario("flaky").WhenStateIs("recovered")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(FhirJson.Bundle(FhirJson.Condition("c1", "http://hl7.org/fhir/sid/icd-10-cm", "G12.25")).ToJsonString()));
        var request = HookRequest(AllKeys(key => key == "conditions" ? Missing : null));

        var complete = await Gatherer().CompleteAsync(request, ReadRequest(request), CancellationToken.None);

        Assert.Equal("c1", Assert.Single(complete.ToClinicalEvidence().Conditions).Id);
        Assert.Equal(2, _app.Ehr.PathsRequested().Count);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("120", false)]
    public async Task HonoursRetryAfterOnlyWhenItFitsTheBudget(string retryAfterSeconds, bool retried)
    {
        _app.Ehr.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/fhir/Condition").UsingGet()).InScenario("busy").WillSetStateTo("free")
            .RespondWith(Response.Create().WithStatusCode(429).WithHeader("Retry-After", retryAfterSeconds));
        _app.Ehr.Server.Given(WireMock.RequestBuilders.Request.Create().WithPath("/fhir/Condition").UsingGet()).InScenario("busy").WhenStateIs("free")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/fhir+json").WithBody(FhirJson.Bundle().ToJsonString()));
        var request = HookRequest(AllKeys(key => key == "conditions" ? Missing : null));

        var complete = await Gatherer().CompleteAsync(request, ReadRequest(request), CancellationToken.None);

        Assert.Equal(retried ? 2 : 1, _app.Ehr.PathsRequested().Count);
        Assert.Equal(retried, !complete.ToClinicalEvidence().Unavailable.Contains(EvidenceKind.Conditions));
    }

    [Theory]
    [InlineData(500, "{}")]
    [InlineData(200, "{ not json")]
    [InlineData(200, """{"resourceType":"Patient","id":"p"}""")]
    [InlineData(404, """{"resourceType":"OperationOutcome"}""")]
    public async Task AFailingOrLyingServerLeavesTheKeyUnavailable(int status, string body)
    {
        _app.Ehr.ServeRaw("Condition", body, status);
        var request = HookRequest(AllKeys(key => key == "conditions" ? Missing : null));

        var complete = await Gatherer().CompleteAsync(request, ReadRequest(request), CancellationToken.None);

        Assert.Equal([EvidenceKind.Conditions], complete.ToClinicalEvidence().Unavailable);
    }

    [Fact]
    public async Task ASlowServerNeverHoldsUsPastTheBudget()
    {
        using var app = _app.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CdsLmn:Fhir:TimeoutSeconds"] = "0.5",
            ["CdsLmn:Fhir:AttemptTimeoutSeconds"] = "0.5",
        })));
        var observations = new WithheldAnswer();
        _app.Ehr.ServeEmptySearches().ServeWithheld("Observation", FhirJson.Bundle(), observations);
        var request = HookRequest(new JsonObject());

        var complete = await app.Services.GetRequiredService<EvidenceGatherer>().CompleteAsync(request, ReadRequest(request), CancellationToken.None);
        observations.Release(); // only now: the gatherer has returned while the server still held its answer

        Assert.False(observations.TimedOut, "the gatherer waited for the withheld response despite a 0.5 s budget");
        Assert.Contains(EvidenceKind.AntiGm1IgM, complete.ToClinicalEvidence().Unavailable);
        Assert.DoesNotContain(EvidenceKind.Conditions, complete.ToClinicalEvidence().Unavailable);
    }

    [Fact]
    public async Task RunsTheQueriesInParallel()
    {
        // A generous budget: a query held back below must not be given up (and the next one started) by a time-out.
        using var app = _app.WithWebHostBuilder(b => b.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["CdsLmn:Fhir:TimeoutSeconds"] = "30",
            ["CdsLmn:Fhir:AttemptTimeoutSeconds"] = "30",
        })));
        var paths = new ConcurrentQueue<string>();
        var firstAnswer = new WithheldAnswer();
        var arrivals = 0;
        _app.Ehr.Server.Given(WireMock.RequestBuilders.Request.Create().UsingGet()).RespondWith(Response.Create().WithCallback(async request =>
        {
            paths.Enqueue(request.Path);
            if (paths.Distinct().Count() >= 2)
            {
                firstAnswer.Release(); // a second query is in flight while the first still waits for its answer
            }
            if (Interlocked.Increment(ref arrivals) == 1)
            {
                await firstAnswer.HoldAsync();
            }
            return FakeEhr.FhirAnswer(FhirJson.Bundle());
        }));
        var request = HookRequest(new JsonObject()) with { Templates = Templates().Where(t => t.Key != "patient").ToDictionary() };

        await app.Services.GetRequiredService<EvidenceGatherer>().CompleteAsync(request, ReadRequest(request), CancellationToken.None);

        Assert.False(firstAnswer.TimedOut, $"no other FHIR call arrived while the first was unanswered ({string.Join(", ", paths)})");
        Assert.True(paths.Distinct().Count() >= 2, string.Join(", ", paths));
    }

    [Fact]
    public async Task ReadsAMedicationThatADraftOrderReferences()
    {
        _app.Ehr.ServeEmptySearches().Serve("Medication/med-7", FhirJson.Medication("med-7", "Octagam 10%"));
        var body = TestData.Node("examples/order-select-ivig.json");
        var order = body["context"]!["draftOrders"]!["entry"]![0]!["resource"]!.AsObject();
        order.Remove("medicationCodeableConcept");
        order["medicationReference"] = new JsonObject { ["reference"] = "Medication/med-7" };
        var request = HookRequest(AllKeys(_ => null), body);

        var partial = ReadRequest(request);
        Assert.Equal([EvidenceKind.Medication], partial.ToClinicalEvidence().Unavailable);
        var complete = await Gatherer().CompleteAsync(request, partial, CancellationToken.None);

        Assert.Equal("Octagam 10%", Assert.Single(complete.ToClinicalEvidence().Medications).Code?.Text);
        Assert.Empty(complete.ToClinicalEvidence().Unavailable);
    }

    [Fact]
    public void OrderSelectKeepsOnlyTheSelectedOrders()
    {
        var body = TestData.Node("examples/order-select-ivig.json");
        var entries = body["context"]!["draftOrders"]!["entry"]!.AsArray();
        var other = entries[0]!.DeepClone();
        other["resource"]!["id"] = "other-order";
        entries.Add(other);

        var selected = ReadRequest(HookRequest(AllKeys(_ => null), body));
        var signed = ReadRequest(HookRequest(AllKeys(_ => null), body) with { Selections = null });

        Assert.Equal(["ivig-order-1"], selected.OrdersInScope.Select(o => o.Id));
        Assert.Equal(["ivig-order-1", "other-order"], signed.OrdersInScope.Select(o => o.Id));
    }

    private static readonly JsonNode Missing = JsonValue.Create("__missing__");

    private EvidenceGatherer Gatherer() => _app.Services.GetRequiredService<EvidenceGatherer>();

    /// <summary>Draft orders and prefetch as the gatherer reads them before any network call.</summary>
    private static GatheredEvidence ReadRequest(EvidenceRequest request) =>
        EvidenceGatherer.WithPrefetch(request, EvidenceGatherer.FromDraftOrders(request));

    private static IReadOnlyDictionary<string, string> Templates() =>
        CdsServiceCatalog.LoadEmbedded().Find("ivig-lmn-order-select")!.Prefetch;

    /// <summary>Every key of the service, each with <paramref name="value"/>(key); <see cref="Missing"/> leaves the key out.</summary>
    private static JsonObject AllKeys(Func<string, JsonNode?> value)
    {
        var prefetch = new JsonObject();
        foreach (var key in Templates().Keys)
        {
            var node = value(key);
            if (!ReferenceEquals(node, Missing))
            {
                prefetch[key] = node?.DeepClone();
            }
        }
        return prefetch;
    }

    private EvidenceRequest HookRequest(JsonObject prefetch, JsonObject? body = null)
    {
        body ??= TestData.Node("examples/order-select-ivig.json");
        using var document = JsonDocument.Parse(body.ToJsonString());
        using var prefetchDocument = JsonDocument.Parse(prefetch.ToJsonString());
        var context = document.RootElement.GetProperty("context");
        return new EvidenceRequest
        {
            PatientId = context.GetProperty("patientId").GetString()!,
            UserId = context.GetProperty("userId").GetString()!,
            Selections = context.GetProperty("selections").EnumerateArray().Select(s => s.GetString()!).ToList(),
            DraftOrders = context.GetProperty("draftOrders").Clone(),
            Prefetch = prefetchDocument.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
            Templates = Templates(),
            FhirServer = _app.Ehr.FhirBase,
            AccessToken = Token,
        };
    }
}
