using System.CommandLine;
using CdsLmn.Service.Onboarding;

namespace CdsLmn.Service.Commands;

/// <summary>
/// <c>check-fhir --fhir-server URL [--bearer TOKEN] --patient ID [--patient ID ...] [--format table|json]</c>: checks a
/// site's FHIR server patient by patient (<see cref="FhirCheckRun"/>). Exit 0 when every query succeeded, 1 when any
/// failed, 2 for bad arguments.
/// </summary>
internal static class CheckFhirCommand
{
    public const string Name = "check-fhir";

    public static Command Create(IReadOnlyDictionary<string, string?>? settings)
    {
        var server = new Option<string>("--fhir-server")
        {
            Description = "Base URL of the site's FHIR R4 server (the only server contacted)",
            HelpName = "url",
            Required = true,
        };
        server.Validators.Add(result =>
        {
            if (ServerUrl(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError("--fhir-server must be an absolute http(s) URL.");
            }
        });
        var bearer = new Option<string?>("--bearer")
        {
            Description = "Access token sent as 'Authorization: Bearer'; never printed or logged",
            HelpName = "token",
        };
        var patients = new Option<string[]>("--patient")
        {
            Description = "A patient id to check (repeat the option for several)",
            HelpName = "id",
            Required = true,
        };
        var format = new Option<string>("--format")
        {
            Description = "table, or json (one object per patient and line)",
            HelpName = "table|json",
            DefaultValueFactory = _ => "table",
        };
        format.AcceptOnlyFromAmong("table", "json");

        var command = new Command(Name, """
            Check a FHIR server against what the service needs, for a few real patients: the nine prefetch queries (status,
            count, time), results whose codes the service does not know but whose text looks like CK, anti-GM1 or a nerve
            conduction study (with the configuration key and prefetch template to extend), and a dry-run decision for an
            IVIg order placed now. Configured like the service (CdsLmn:Clinical code lists; CdsLmn:Fhir:TimeoutSeconds is the
            budget of each query here, 30 s unless set).
            """)
        {
            server, bearer, patients, format,
        };
        command.SetAction((parse, cancellationToken) => FhirCheckRun.RunAsync(
            new FhirCheckRequest(ServerUrl(parse.GetRequiredValue(server))!, parse.GetValue(bearer), parse.GetRequiredValue(patients), parse.GetValue(format) == "json"),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, settings, cancellationToken));
        return command;
    }

    private static Uri? ServerUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
}
