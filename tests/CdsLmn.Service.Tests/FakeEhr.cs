using System.Text.Json.Nodes;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CdsLmn.Service.Tests;

/// <summary>The EHR's FHIR server, played by WireMock.Net on loopback (allowlisted in Development).</summary>
public sealed class FakeEhr : IDisposable
{
    public FakeEhr()
    {
        Server = WireMockServer.Start();
    }

    /// <summary>On a given loopback port (to play a server that was unreachable a moment ago).</summary>
    public FakeEhr(int port)
    {
        Server = WireMockServer.Start(port);
    }

    public WireMockServer Server { get; }

    public string FhirBase => $"{Server.Url}/fhir";

    /// <summary>Serves <paramref name="body"/> for GET /fhir/{path} (query ignored).</summary>
    public FakeEhr Serve(string path, JsonNode body, TimeSpan? delay = null, int status = 200)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/fhir+json").WithBody(body.ToJsonString());
        if (delay is { } d)
        {
            response = response.WithDelay(d);
        }
        Server.Given(Request.Create().WithPath($"/fhir/{path}").UsingGet()).RespondWith(response);
        return this;
    }

    public FakeEhr ServeRaw(string path, string body, int status = 200)
    {
        Server.Given(Request.Create().WithPath($"/fhir/{path}").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/fhir+json").WithBody(body));
        return this;
    }

    /// <summary>Every search the service may run answers an empty searchset, the Patient read a patient.</summary>
    public FakeEhr ServeEmptySearches(string patientId = "pma-1")
    {
        foreach (var type in new[] { "Condition", "Observation", "DiagnosticReport", "MedicationAdministration", "MedicationRequest", "ServiceRequest" })
        {
            Serve(type, Fhir.Bundle());
        }
        Serve($"Patient/{patientId}", JsonNode.Parse($$"""{"resourceType":"Patient","id":"{{patientId}}","gender":"male","birthDate":"1961-03-14"}""")!);
        return this;
    }

    /// <summary>Serves a scenario's prefetch as a FHIR server would (Observation searches answer the union, filtered by code on a real server).</summary>
    public FakeEhr ServeScenario(JsonObject prefetch, TimeSpan? observationDelay = null)
    {
        ServeEmptySearches();
        var observations = new[] { "ncsObservations", "antiGm1IgM", "creatineKinase" }
            .Where(key => prefetch[key] is JsonObject)
            .SelectMany(key => prefetch[key]!["entry"]!.AsArray().Select(e => e!["resource"]!))
            .ToArray();
        Serve("Observation", Fhir.Bundle(observations), observationDelay);
        Serve("Condition", prefetch["conditions"]!);
        Serve("Patient/pma-1", prefetch["patient"]!);
        return this;
    }

    public IReadOnlyList<string> PathsRequested() =>
        Server.LogEntries.Select(e => e.RequestMessage.Path).ToList();

    public void Reset() => Server.Reset();

    public void Dispose() => Server.Stop();
}
