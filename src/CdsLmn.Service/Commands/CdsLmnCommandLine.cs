using System.CommandLine;

namespace CdsLmn.Service.Commands;

/// <summary>
/// The program's command line: the service itself (root command) with the <c>report</c> and <c>check-fhir</c>
/// subcommands. Help and parse errors follow System.CommandLine; a parse error prints the errors and the usage
/// on standard error and exits <see cref="UsageError"/>.
/// </summary>
internal static class CdsLmnCommandLine
{
    /// <summary>Exit code for arguments that do not parse (the shell convention for misuse).</summary>
    public const int UsageError = 2;

    /// <summary>Parses and runs; <paramref name="settings"/> adds configuration on top of appsettings and environment (tests).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var root = ServiceCommand.Create(args);
        root.Subcommands.Add(ReportCommand.Create(settings));
        root.Subcommands.Add(CheckFhirCommand.Create(settings));

        var parsed = root.Parse(args);
        // The root lets unmatched tokens through to the web host; a subcommand must not.
        var unmatched = parsed.CommandResult.Command == root ? [] : parsed.UnmatchedTokens;
        var failed = parsed.Errors.Count > 0 || unmatched.Count > 0;
        if (parsed.Errors.Count == 0 && unmatched.Count > 0)
        {
            foreach (var token in unmatched)
            {
                await error.WriteLineAsync($"Unrecognized command or argument '{token}'.");
            }
            await error.WriteLineAsync();
            parsed = parsed.CommandResult.Command.Parse(["--help"]);
        }
        var configuration = new InvocationConfiguration
        {
            Output = failed ? error : output,
            Error = error,
            // Unexpected exceptions keep their default behaviour; expected refusals are handled inside each command.
            EnableDefaultExceptionHandler = false,
            // The web host handles SIGTERM/SIGINT itself (graceful drain of queued cards).
            ProcessTerminationTimeout = null,
        };
        var code = await parsed.InvokeAsync(configuration);
        return failed ? UsageError : code;
    }
}
