using CdsLmn.Clinical;
using CdsLmn.Service.Evidence;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using CdsLmn.Service.Hosting;

namespace CdsLmn.Service.Onboarding;

/// <summary>
/// Runs <c>check-fhir</c>: the service's evidence layer and clinical rules, configured like the service (appsettings,
/// environment), with the command line's server as the only allowed one and logging off (nothing but the result
/// on standard output; a progress line per patient on a terminal's standard error).
/// </summary>
internal static class FhirCheckRun
{
    public static async Task<int> RunAsync(FhirCheckRequest request, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var builder = CommandHostBuilder.Create(settings);
        var overrides = new Dictionary<string, string?> { [$"{FhirOptions.Section}:AllowedServers:0"] = request.Server.AbsoluteUri };
        // A hook call's budget (2 s) is too short for a first look at a site's server; configured values still win.
        foreach (var (key, seconds) in new[] { ("TimeoutSeconds", "30"), ("AttemptTimeoutSeconds", "10") })
        {
            if (builder.Configuration[$"{FhirOptions.Section}:{key}"] is null)
            {
                overrides[$"{FhirOptions.Section}:{key}"] = seconds;
            }
        }
        builder.Configuration.AddInMemoryCollection(overrides);
        builder.AddEvidence();
        builder.AddClinicalRules();
        // The service leaves results under unknown codes unbound; check-fhir exists to find exactly those.
        builder.Services.Replace(ServiceDescriptor.Singleton(ResultRelevance.Everything));
        builder.Services.AddSingleton<FhirCheck>();
        await using var host = builder.Build();

        FhirCheck check;
        try
        {
            check = host.Services.GetRequiredService<FhirCheck>();
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync($"check-fhir: {string.Join(" ", e.Failures)}");
            return 1;
        }

        var server = new FhirServer(request.Server, request.Bearer);
        var allSucceeded = true;
        for (var i = 0; i < request.Patients.Count; i++)
        {
            var patient = request.Patients[i];
            if (!Console.IsErrorRedirected)
            {
                await error.WriteLineAsync($"check-fhir: patient {i + 1} of {request.Patients.Count} ({patient})…");
            }
            var result = await check.CheckAsync(server, patient, cancellationToken);
            allSucceeded &= result.AllQueriesSucceeded;
            await output.WriteAsync(request.Json ? CheckFhirFormatter.Json(result) : CheckFhirFormatter.Table(result));
        }
        return allSucceeded ? 0 : 1;
    }
}
