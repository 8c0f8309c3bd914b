using System.Text.Json.Nodes;
using WireMock;
using WireMock.Matchers;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace CdsLmn.Service.Tests.Pipeline.Onboarding;

/// <summary>
/// A site's FHIR server as check-fhir meets it (WireMock): reads by id, and searches filtered as a real server
/// would, by <c>patient</c> and by <c>code</c> (<c>system|code</c>, comma-separated). A resource type can be made to fail.
/// </summary>
internal sealed class SiteFhirServer : IDisposable
{
    private readonly WireMockServer _server = WireMockServer.Start();
    private readonly List<JsonObject> _resources = [];
    private readonly Dictionary<string, int> _failing = new(StringComparer.Ordinal);

    public SiteFhirServer()
    {
        _server.Given(Request.Create().WithPath(new RegexMatcher("^/fhir/.+")).UsingGet())
            .RespondWith(Response.Create().WithCallback(Answer));
    }

    public string FhirBase => $"{_server.Url}/fhir";

    public SiteFhirServer Add(params JsonObject[] resources)
    {
        lock (_resources)
        {
            _resources.AddRange(resources);
        }
        return this;
    }

    public SiteFhirServer Fail(string resourceType, int status)
    {
        _failing[resourceType] = status;
        return this;
    }

    public void Dispose() => _server.Stop();

    private IResponseMessage Answer(IRequestMessage request)
    {
        var path = request.Path["/fhir/".Length..].Split('/');
        if (_failing.TryGetValue(path[0], out var status))
        {
            return FakeEhr.FhirAnswer(FhirJson.Outcome(), status);
        }
        List<JsonObject> all;
        lock (_resources)
        {
            all = [.. _resources];
        }
        if (path.Length == 2)
        {
            var found = all.FirstOrDefault(r => (string?)r["resourceType"] == path[0] && (string?)r["id"] == path[1]);
            return found is null ? FakeEhr.FhirAnswer(FhirJson.Outcome(), 404) : FakeEhr.FhirAnswer(found);
        }

        var patient = Query(request, "patient").SingleOrDefault();
        var codes = Query(request, "code").ToHashSet(StringComparer.Ordinal);
        var matches = all.Where(r => (string?)r["resourceType"] == path[0])
            .Where(r => patient is null || (string?)r["subject"]?["reference"] == $"Patient/{patient}")
            .Where(r => codes.Count == 0 || (r["code"]?["coding"]?.AsArray() ?? []).Any(c => codes.Contains($"{c?["system"]}|{c?["code"]}")))
            .Cast<JsonNode>()
            .ToArray();
        return FakeEhr.FhirAnswer(FhirJson.Bundle(matches));
    }

    private static IEnumerable<string> Query(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values)
            ? values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries))
            : [];
}
