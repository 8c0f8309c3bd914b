using System.Text.Json.Nodes;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace CdsLmn.Service.Tests.Support;

/// <summary>
/// The EHR, played by WireMock.Net on loopback (allowlisted in Development): its FHIR server under <c>/fhir</c>, and,
/// once <see cref="ServeJwks"/> is called, the JWK Set of its signing keys (ES384 and RS384, made here) and an
/// attacker's JWK Set. Its keys also sign for the other EHRs an app may trust (<see cref="AppAuth"/>).
/// </summary>
public sealed class FakeEhr : IDisposable
{
    public const string Issuer = "https://ehr.example.org";
    public const string TenantIssuer = "https://tenant-ehr.example.org";
    public const string Tenant = "org-1";
    public const string InlineIssuer = "https://inline-ehr.example.org";
    public const string JwksPath = "/ehr/jwks.json";
    public const string AttackerJwksPath = "/attacker/jwks.json";

    private readonly Lazy<TestSigningKey> _es384 = new(() => TestSigningKey.Es384("es384-1"));
    private readonly Lazy<TestSigningKey> _rs384 = new(() => TestSigningKey.Rs384("rs384-1"));
    private readonly Lazy<TestSigningKey> _tenantKey = new(() => TestSigningKey.Es384("tenant-es384-1"));
    private readonly Lazy<TestSigningKey> _attackerKey = new(() => TestSigningKey.Es384("es384-1"));
    private bool _servesJwks;
    private int _jwksCalls;
    private int _attackerCalls;
    private string? _jwks;

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

    internal TestSigningKey Es384 => _es384.Value;

    internal TestSigningKey Rs384 => _rs384.Value;

    /// <summary>The key of the second EHR, whose JWK Set is configured inline with a tenant allowlist.</summary>
    internal TestSigningKey TenantKey => _tenantKey.Value;

    /// <summary>A key the EHR never published (same kid as <see cref="Es384"/>, used for forgeries).</summary>
    internal TestSigningKey AttackerKey => _attackerKey.Value;

    public string JwksUrl => Server.Url + JwksPath;

    public string AttackerJwksUrl => Server.Url + AttackerJwksPath;

    /// <summary>Requests for the EHR's JWK Set, counted as WireMock answers them.</summary>
    public int JwksCalls => Volatile.Read(ref _jwksCalls);

    public int AttackerJwksCalls => Volatile.Read(ref _attackerCalls);

    /// <summary>Serves the JWK Set at <see cref="JwksPath"/> (ES384 and RS384 until <see cref="Publish"/>) and the attacker's at <see cref="AttackerJwksPath"/>.</summary>
    public FakeEhr ServeJwks()
    {
        if (!_servesJwks)
        {
            _servesJwks = true;
            _jwks = TestSigningKey.JwkSet(Es384, Rs384);
            RegisterJwks();
        }
        return this;
    }

    private void RegisterJwks()
    {
        Server.Given(Request.Create().WithPath(JwksPath).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(_ =>
            {
                Interlocked.Increment(ref _jwksCalls);
                return Volatile.Read(ref _jwks)!;
            }));
        Server.Given(Request.Create().WithPath(AttackerJwksPath).UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(_ =>
            {
                Interlocked.Increment(ref _attackerCalls);
                return TestSigningKey.JwkSet(AttackerKey);
            }));
    }

    /// <summary>The EHR rotates its keys: its JWK Set now holds <paramref name="keys"/>.</summary>
    internal void Publish(params TestSigningKey[] keys) => Volatile.Write(ref _jwks, TestSigningKey.JwkSet(keys));

    /// <summary>Serves <paramref name="body"/> for GET /fhir/{path} (query ignored).</summary>
    public FakeEhr Serve(string path, JsonNode body, int status = 200) => ServeRaw(path, body.ToJsonString(), status);

    /// <summary>Serves <paramref name="body"/> for GET /fhir/{path}, each answer held back until <paramref name="answer"/> is released.</summary>
    public FakeEhr ServeWithheld(string path, JsonNode body, WithheldAnswer answer)
    {
        Server.Given(Request.Create().WithPath($"/fhir/{path}").UsingGet()).RespondWith(Response.Create().WithCallback(async _ =>
        {
            await answer.HoldAsync();
            return FhirAnswer(body);
        }));
        return this;
    }

    /// <summary><paramref name="body"/> as FHIR JSON with <paramref name="status"/>, for WireMock response callbacks.</summary>
    public static IResponseMessage FhirAnswer(JsonNode body, int status = 200) => new ResponseMessage
    {
        StatusCode = status,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/fhir+json") },
        BodyData = new BodyData { BodyAsString = body.ToJsonString(), DetectedBodyType = BodyType.String },
    };

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
            Serve(type, FhirJson.Bundle());
        }
        Serve($"Patient/{patientId}", JsonNode.Parse($$"""{"resourceType":"Patient","id":"{{patientId}}","gender":"male","birthDate":"1961-03-14"}""")!);
        return this;
    }

    /// <summary>Serves a scenario's prefetch as a FHIR server would (Observation searches answer the union, filtered by code on a real server).</summary>
    public FakeEhr ServeScenario(JsonObject prefetch, WithheldAnswer? withheldObservations = null)
    {
        ServeEmptySearches();
        var observations = new[] { "ncsObservations", "antiGm1IgM", "creatineKinase" }
            .Where(key => prefetch[key] is JsonObject)
            .SelectMany(key => prefetch[key]!["entry"]!.AsArray().Select(e => e!["resource"]!))
            .ToArray();
        if (withheldObservations is null)
        {
            Serve("Observation", FhirJson.Bundle(observations));
        }
        else
        {
            ServeWithheld("Observation", FhirJson.Bundle(observations), withheldObservations);
        }
        Serve("Condition", prefetch["conditions"]!);
        Serve("Patient/pma-1", prefetch["patient"]!);
        return this;
    }

    public IReadOnlyList<string> PathsRequested() =>
        Server.LogEntries.Select(e => e.RequestMessage.Path).ToList();

    /// <summary>Forgets every FHIR answer and request; the JWK Sets, once served, stay.</summary>
    public void Reset()
    {
        Server.Reset();
        if (_servesJwks)
        {
            RegisterJwks();
        }
    }

    public void Dispose()
    {
        Server.Stop();
        Server.Dispose();
        foreach (var key in new[] { _es384, _rs384, _tenantKey, _attackerKey }.Where(k => k.IsValueCreated))
        {
            key.Value.Dispose();
        }
    }
}
