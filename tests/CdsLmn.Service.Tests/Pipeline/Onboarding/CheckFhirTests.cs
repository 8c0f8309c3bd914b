using System.Text.Json;
using CdsLmn.Service.Commands;

namespace CdsLmn.Service.Tests.Pipeline.Onboarding;

/// <summary>check-fhir against a site's FHIR server (WireMock): queries, unrecognised local codes, dry-run decisions, exit codes.</summary>
public sealed class CheckFhirTests : IDisposable
{
    private readonly SiteFhirServer _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task ListsACkUnderALocalCodeWithTheKeyToAddItTo()
    {
        _site.Add(SitePatients.LocalCk("local-ck"));

        var (code, output, _) = await RunAsync("--patient", "local-ck", "--format", "json");

        Assert.Equal(0, code);
        var patient = Assert.Single(Lines(output));
        var candidate = Assert.Single(patient.GetProperty("unrecognised").EnumerateArray());
        Assert.Equal(SitePatients.LocalCkCode, candidate.GetProperty("code").GetString());
        Assert.Equal("Creatine kinase, total", candidate.GetProperty("display").GetString());
        Assert.Equal("creatine kinase", candidate.GetProperty("looksLike").GetString());
        Assert.Equal("CdsLmn:Clinical:CreatineKinase:Codes", candidate.GetProperty("configurationKey").GetString());
        Assert.Equal("creatineKinase", candidate.GetProperty("prefetchTemplate").GetString());
        // The service's own CK query does not find it: that is why it is listed.
        Assert.Equal(0, Query(patient, "creatineKinase").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task ConfiguredLocalCodesAreNoLongerListed()
    {
        _site.Add(SitePatients.LocalCk("local-ck"));

        var (code, output, _) = await RunAsync(
            new Dictionary<string, string?> { ["CdsLmn:Clinical:CreatineKinase:Codes:0"] = "http://loinc.org|2157-6", ["CdsLmn:Clinical:CreatineKinase:Codes:1"] = SitePatients.LocalCkCode },
            "--patient", "local-ck", "--format", "json");

        Assert.Equal(0, code);
        Assert.Empty(Assert.Single(Lines(output)).GetProperty("unrecognised").EnumerateArray());
    }

    [Fact]
    public async Task DecidesAWarningAnInfoAndASilentPatientAsTheServiceWould()
    {
        _site.Add(SitePatients.Warning("warn")).Add(SitePatients.Info("info")).Add(SitePatients.Silent("silent"));

        var (code, output, _) = await RunAsync("--patient", "warn", "--patient", "info", "--patient", "silent", "--format", "json");

        Assert.Equal(0, code);
        var patients = Lines(output).ToDictionary(p => p.GetProperty("patient").GetString()!);
        Assert.Equal(("warning", 3), (patients["warn"].GetProperty("indicator").GetString(), patients["warn"].GetProperty("row").GetInt32()));
        Assert.Contains("Observation/warn-ck-1", patients["warn"].GetProperty("evidence").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("info", patients["info"].GetProperty("indicator").GetString());
        Assert.Equal("none", patients["silent"].GetProperty("indicator").GetString());
        Assert.Equal(JsonValueKind.Null, patients["silent"].GetProperty("row").ValueKind);
        foreach (var patient in patients.Values)
        {
            var prefetch = patient.GetProperty("queries").EnumerateArray().Where(q => q.GetProperty("prefetch").GetBoolean()).ToList();
            Assert.Equal(9, prefetch.Count);
            Assert.All(prefetch, q => Assert.Equal("ok", q.GetProperty("status").GetString()));
            Assert.Empty(patient.GetProperty("unrecognised").EnumerateArray());
        }
        Assert.Equal(1, Query(patients["warn"], "creatineKinase").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task AFailingQueryIsShownWithItsStatusAndExitsOne()
    {
        _site.Add(SitePatients.Warning("warn")).Fail("MedicationAdministration", 500);

        var (code, output, _) = await RunAsync("--patient", "warn", "--format", "json");
        var (tableCode, table, _) = await RunAsync("--patient", "warn");

        Assert.Equal((1, 1), (code, tableCode));
        var patient = Assert.Single(Lines(output));
        Assert.Contains("500", Query(patient, "ivigAdministrations").GetProperty("status").GetString(), StringComparison.Ordinal);
        Assert.Equal("ok", Query(patient, "creatineKinase").GetProperty("status").GetString());
        Assert.Contains("could not decide", patient.GetProperty("undecided").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"ivigAdministrations\s+0\s+\d+\s+the FHIR server answered 500", table);
    }

    [Fact]
    public async Task TheTableNamesEachQueryTheCandidateAndTheDecision()
    {
        _site.Add(SitePatients.LocalCk("local-ck"));

        var (code, table, _) = await RunAsync("--patient", "local-ck", "--bearer", "secret-token-1234");

        Assert.True(code == 0, table);
        Assert.Contains("Patient local-ck", table, StringComparison.Ordinal);
        Assert.Matches(@"creatineKinase\s+0\s+\d+\s+ok", table);
        Assert.Contains("add it to CdsLmn:Clinical:CreatineKinase:Codes and to the prefetch template 'creatineKinase'", table, StringComparison.Ordinal);
        Assert.Contains("Dry run", table, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token-1234", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("check-fhir", "--patient", "p1")]
    [InlineData("check-fhir", "--fhir-server", "http://127.0.0.1:1/fhir")]
    [InlineData("check-fhir", "--fhir-server", "not a url", "--patient", "p1")]
    [InlineData("check-fhir", "--fhir-server", "http://127.0.0.1:1/fhir", "--patient", "p1", "--format", "xml")]
    public async Task BadArgumentsExitTwoWithUsage(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();

        var code = await CdsLmnCommandLine.RunAsync(args, output, error);

        Assert.Equal(2, code);
        Assert.Empty(output.ToString());
        Assert.Contains("check-fhir [options]", error.ToString(), StringComparison.Ordinal);
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(null, args);

    private async Task<(int Code, string Output, string Error)> RunAsync(IReadOnlyDictionary<string, string?>? settings, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CdsLmnCommandLine.RunAsync(["check-fhir", "--fhir-server", _site.FhirBase, .. args], output, error, settings);
        Assert.DoesNotContain("secret-token", error.ToString(), StringComparison.Ordinal);
        return (code, output.ToString(), error.ToString());
    }

    private static List<JsonElement> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement).ToList();

    private static JsonElement Query(JsonElement patient, string key) =>
        patient.GetProperty("queries").EnumerateArray().Single(q => q.GetProperty("key").GetString() == key);
}
