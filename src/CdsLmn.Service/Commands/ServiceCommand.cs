using System.CommandLine;

namespace CdsLmn.Service.Commands;

/// <summary>
/// The root command: runs the CDS Hooks service. Its own options are documented here for <c>--help</c>; every
/// argument is handed on to the ASP.NET Core host as given (<c>--urls</c>, <c>--environment</c>, configuration
/// overrides such as <c>--CdsLmn:Mode=Shadow</c>), so unmatched tokens are not errors.
/// </summary>
internal static class ServiceCommand
{
    private const string Description = """
        CdsLmn: CDS Hooks service for IVIg stewardship in lower-motor-neuron syndromes. Without a subcommand it runs the service.

        Environment: ASPNETCORE_ENVIRONMENT (Production by default; Development disables client authentication),
        ASPNETCORE_URLS, and every setting as an environment variable (CdsLmn__Mode=Shadow, CdsLmn__Auth__Clients__0__Issuer=...)
        or in appsettings.json. Outside Development at least one trusted EHR (CdsLmn:Auth:Clients) is required.
        """;

    public static RootCommand Create(string[] args)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, separated by ';' (e.g. http://0.0.0.0:8080); default from ASPNETCORE_URLS or http://localhost:5000",
            HelpName = "url;url",
        };
        var environment = new Option<string>("--environment")
        {
            Description = "Hosting environment (overrides ASPNETCORE_ENVIRONMENT), e.g. Development or Production",
        };
        var root = new RootCommand(Description) { TreatUnmatchedTokensAsErrors = false };
        root.Options.Add(urls);
        root.Options.Add(environment);
        root.SetAction((parse, cancellationToken) => ServiceHost.RunAsync(args, parse.InvocationConfiguration.Error, cancellationToken));
        return root;
    }
}
