using System.Data.Common;
using CdsLmn.Service.Stewardship.Sqlite;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Stewardship;

/// <summary>
/// The <c>report</c> command: prints the stewardship report from the store the service uses — the SQLite file at
/// <c>CdsLmn:Storage:SqlitePath</c>, or the PostgreSQL database of <c>ConnectionStrings:CdsLmn</c> (every replica's
/// cards) — configured exactly like the service (appsettings, environment), without starting the web server.
/// Exit codes: 0 printed, 1 no store at that path, an unreachable database or a bad store setting, 2 bad arguments.
/// </summary>
public static class StewardshipReport
{
    public const string Command = "report";

    public static bool IsRequested(string[] args) => args is [Command, ..];

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs the command; <paramref name="settings"/> adds configuration on top (tests point it at a store).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IReadOnlyDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var parsed = ReportArguments.Parse(args.Skip(1).ToList(), out var problem);
        if (parsed is null)
        {
            await error.WriteLineAsync($"report: {problem}\n{ReportArguments.Usage}");
            return 2;
        }

        // The web builder reads configuration as the service does (ASPNETCORE_ENVIRONMENT, appsettings.{env}.json, env vars).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }
        builder.Logging.ClearProviders();
        builder.AddStewardship();
        await using var host = builder.Build();

        try
        {
            var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (storage.Provider == StorageProvider.Sqlite && host.Services.GetRequiredService<SqliteStore>() is var store && !File.Exists(store.FilePath))
            {
                await error.WriteLineAsync($"report: no store at {store.FilePath} (set CdsLmn:Storage:SqlitePath)");
                return 1;
            }

            var summary = await host.Services.GetRequiredService<IStewardshipQuery>().SummarizeAsync(parsed.Period, CancellationToken.None);
            await output.WriteAsync(ReportFormatter.Format(summary, parsed.Format));
            return 0;
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException or DbException or TimeoutException)
        {
            await error.WriteLineAsync($"report: {e.Message}");
            return 1;
        }
    }
}
