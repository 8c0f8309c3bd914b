using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CdsLmn.Service.Tests.Pipeline.Evidence;

/// <summary>
/// The breaker of a FHIR server counts hook requests, not HTTP attempts: one bad request (retried or not) leaves the
/// next patient's call alone; a server that keeps failing is left alone after a few requests (no more calls reach it)
/// and is probed again once the break is over. Each test has a FHIR server (and so a breaker) of its own; the
/// breakers read a fake clock, so "the break is over" is a clock step, not a sleep.
/// </summary>
public sealed class CircuitBreakerTests(AppFixture<CircuitBreakerTests.Breaker> appFixture, CircuitBreakerTests.FhirServers servers)
    : IClassFixture<AppFixture<CircuitBreakerTests.Breaker>>, IClassFixture<CircuitBreakerTests.FhirServers>
{
    private const int MinimumThroughput = 3;

    private readonly CdsLmnApp _app = appFixture.App;

    // A FHIR server of this test's own, not the app's Ehr: the breaker is per server, and the app lives for the class.
    private readonly FakeEhr _ehr = servers.Start();

    public enum Fault
    {
        ServerError,
        GarbageBody,
        AttemptTimeout,
        DroppedConnection,
    }

    [Theory]
    [InlineData(Fault.ServerError)]
    [InlineData(Fault.GarbageBody)]
    [InlineData(Fault.AttemptTimeout)]
    [InlineData(Fault.DroppedConnection)]
    public async Task OneFaultedRequestDoesNotAffectTheNext(Fault fault)
    {
        ServeConditions(fault);
        var client = _app.CreateClient();

        using var faulted = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body()));
        await OperationOutcomeAssert.IsOutcomeAsync(faulted, HttpStatusCode.PreconditionFailed);
        _ehr.Reset();
        _ehr.Serve("Condition", FhirJson.Bundle(FhirJson.Condition("pma-dx", Scenario.Icd10, "G12.25")));

        using var next = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body()));

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("\"row\":3", await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AConnectionResetDoesNotAffectTheNextRequest()
    {
        // A server that resets every connection (RST, no answer), then the healthy server on the same address.
        using var resetting = new TcpListener(IPAddress.Loopback, 0);
        resetting.Start();
        var port = ((IPEndPoint)resetting.LocalEndpoint).Port;
        var resets = ResetEveryConnectionAsync(resetting);
        var fhirBase = $"http://127.0.0.1:{port}/fhir";
        var client = _app.CreateClient();

        using var faulted = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body(fhirBase)));
        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(faulted, HttpStatusCode.PreconditionFailed);
        Assert.Contains("could not be reached", diagnostics, StringComparison.Ordinal);
        resetting.Stop();
        Assert.True(await resets > 0);
        var healthy = servers.Start(port);
        healthy.Serve("Condition", FhirJson.Bundle(FhirJson.Condition("pma-dx", Scenario.Icd10, "G12.25")));

        using var next = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body(fhirBase)));

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task RetriesOfOneRequestAreOneSample()
    {
        var client = _app.CreateClient();
        await WarmUpAsync(client);
        ServeConditions(Fault.ServerError);

        using var faulted = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body()));
        await OperationOutcomeAssert.IsOutcomeAsync(faulted, HttpStatusCode.PreconditionFailed);

        // The request was retried up to the minimum throughput, yet it counts once: the breaker has not opened.
        Assert.True(_ehr.Server.LogEntries.Count() >= MinimumThroughput);
        using var second = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body()));
        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(second, HttpStatusCode.PreconditionFailed);
        Assert.DoesNotContain("circuit open", diagnostics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailsFastDuringAnOutageAndRecoversWhenItEnds()
    {
        var client = await OpenTheBreakerAsync();
        var callsBeforeOpen = _ehr.Server.LogEntries.Count();

        for (var i = 0; i < 5; i++)
        {
            using var refused = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body()));
            var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(refused, HttpStatusCode.PreconditionFailed);
            Assert.Contains("conditions (the FHIR server is failing (circuit open))", diagnostics, StringComparison.Ordinal);
        }
        Assert.Equal(callsBeforeOpen, _ehr.Server.LogEntries.Count());

        // The outage ends; once the break is over the next request is the probe, and it closes the breaker.
        _ehr.Reset();
        _ehr.Serve("Condition", FhirJson.Bundle(FhirJson.Condition("pma-dx", Scenario.Icd10, "G12.25")));
        _app.BreakerClock!.Advance(TimeSpan.FromSeconds(Breaker.OpenSeconds + 1));
        for (var i = 0; i < 3; i++)
        {
            using var recovered = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body()));
            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        }
        Assert.NotEmpty(_ehr.Server.LogEntries);
    }

    [Fact]
    public async Task AFailedProbeOpensTheBreakerAgain()
    {
        var client = await OpenTheBreakerAsync();
        _app.BreakerClock!.Advance(TimeSpan.FromSeconds(Breaker.OpenSeconds + 1));

        using var probe = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body()));
        await OperationOutcomeAssert.IsOutcomeAsync(probe, HttpStatusCode.PreconditionFailed);
        var callsAfterProbe = _ehr.Server.LogEntries.Count();
        using var afterProbe = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body()));

        var diagnostics = await OperationOutcomeAssert.IsOutcomeAsync(afterProbe, HttpStatusCode.PreconditionFailed);
        Assert.Contains("circuit open", diagnostics, StringComparison.Ordinal);
        Assert.Equal(callsAfterProbe, _ehr.Server.LogEntries.Count());
    }

    [Fact]
    public async Task AnOpenBreakerLeavesOtherServersAlone()
    {
        var other = servers.Start();
        other.Serve("Condition", FhirJson.Bundle(FhirJson.Condition("pma-dx", Scenario.Icd10, "G12.25")));
        var client = await OpenTheBreakerAsync();
        using var refused = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body()));
        Assert.Contains("circuit open", await OperationOutcomeAssert.IsOutcomeAsync(refused, HttpStatusCode.PreconditionFailed), StringComparison.Ordinal);

        using var elsewhere = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body(other.FhirBase)));

        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
    }

    /// <summary>Accepts connections and closes each with a reset, until the listener stops; returns how many.</summary>
    private static async Task<int> ResetEveryConnectionAsync(TcpListener listener)
    {
        var count = 0;
        try
        {
            while (true)
            {
                using var socket = await listener.AcceptSocketAsync();
                socket.LingerState = new LingerOption(true, 0);
                count++;
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            return count;
        }
    }

    /// <summary>
    /// One successful call through the app to a WireMock server of its own: a cold first call (the app's pipeline, the
    /// HTTP client, WireMock) can outlast an attempt's timeout on a loaded machine, and an attempt cut before WireMock
    /// logs it would not be counted.
    /// </summary>
    private async Task WarmUpAsync(HttpClient client)
    {
        var warm = servers.Start();
        warm.Serve("Condition", FhirJson.Bundle(FhirJson.Condition("pma-dx", Scenario.Icd10, "G12.25")));
        using var warmed = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body(warm.FhirBase)));
        Assert.Equal(HttpStatusCode.OK, warmed.StatusCode);
    }

    /// <summary>The server fails every request, until as many requests as the minimum throughput have failed.</summary>
    private async Task<HttpClient> OpenTheBreakerAsync()
    {
        ServeConditions(Fault.ServerError);
        var client = _app.CreateClient();
        for (var i = 0; i < MinimumThroughput; i++)
        {
            using var failing = await client.PostAsync(TestData.OrderSelectUrl, TestData.Json(Body()));
            await OperationOutcomeAssert.IsOutcomeAsync(failing, HttpStatusCode.PreconditionFailed);
        }
        return client;
    }

    private JsonObject Body(string? fhirServer = null) =>
        new Scenario().NerveConduction("260385009", daysAgo: 60).AntiGm1Index(12, daysAgo: 57).CreatineKinase(450, daysAgo: 55)
            .Without("conditions").Set("fhirServer", JsonValue.Create(fhirServer ?? _ehr.FhirBase)).OrderSelect();

    private void ServeConditions(Fault fault)
    {
        var response = Response.Create().WithHeader("Content-Type", "application/fhir+json");
        response = fault switch
        {
            Fault.ServerError => response.WithStatusCode(500).WithBody("{}"),
            Fault.GarbageBody => response.WithStatusCode(200).WithBody("<html>proxy error</html>"),
            Fault.AttemptTimeout => response.WithStatusCode(200).WithBody(FhirJson.Bundle().ToJsonString()).WithDelay(TimeSpan.FromSeconds(10)),
            _ => response.WithStatusCode(200).WithBody(FhirJson.Bundle().ToJsonString()).WithFault(FaultType.MALFORMED_RESPONSE_CHUNK),
        };
        _ehr.Server.Given(Request.Create().WithPath("/fhir/Condition").UsingGet()).RespondWith(response);
    }

    /// <summary>
    /// The class's FHIR servers, kept until its last test: a server stopped after one test could free its port for the
    /// next, whose requests would then meet the breaker the earlier test left open (breakers are per address, and the
    /// fake clock only moves when a test moves it).
    /// </summary>
    public sealed class FhirServers : IDisposable
    {
        private readonly List<FakeEhr> _started = [];

        public FakeEhr Start(int? port = null)
        {
            var server = port is { } p ? new FakeEhr(p) : new FakeEhr();
            _started.Add(server);
            return server;
        }

        public void Dispose() => _started.ForEach(server => server.Dispose());
    }

    public sealed class Breaker : IAppProfile
    {
        public const int OpenSeconds = 10;

        public static AppSettings Settings { get; } = (AppSettings.Development with { FakeBreakerClock = true }).With(
            ("CdsLmn:Fhir:BreakerMinimumThroughput", CdsLmnApp.Setting(MinimumThroughput)),
            ("CdsLmn:Fhir:BreakerFailureRatio", "0.5"),
            ("CdsLmn:Fhir:BreakerSamplingSeconds", "30"),
            ("CdsLmn:Fhir:BreakerOpenSeconds", CdsLmnApp.Setting(OpenSeconds)),
            ("CdsLmn:Fhir:MaxRetries", "2"),
            // Generous for a loaded machine, where even a warm WireMock answer can take over a second: an attempt cut
            // before WireMock logs it would make a request look less retried than it was.
            ("CdsLmn:Fhir:AttemptTimeoutSeconds", "3"),
            // Room for every attempt of one request: a request whose budget ran out before its retries would make fewer
            // calls than the sample it is counted as.
            ("CdsLmn:Fhir:TimeoutSeconds", "15"));
    }
}
