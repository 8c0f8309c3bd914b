using System.Data.Common;
using CdsLmn.Clinical;
using CdsLmn.Service.Stewardship.Sqlite;
using Microsoft.Extensions.Options;
using CdsLmn.Service.Hosting;
using CdsLmn.Service.Stewardship.Html;

namespace CdsLmn.Service.Stewardship.Setup;

/// <summary>
/// Runs the <c>report</c> command (parsed by Commands/ReportCommand): prints the stewardship report from the store
/// the service uses — the SQLite file at <c>CdsLmn:Storage:SqlitePath</c>, or the PostgreSQL database of
/// <c>ConnectionStrings:CdsLmn</c> (every replica's cards) — configured exactly like the service (appsettings,
/// environment), without starting the web server. Nothing but the report goes to the output: logging is off.
/// Exit codes: 0 printed, 1 no store at that path, an unreachable database or a bad store setting.
/// </summary>
internal static class StewardshipReport
{
    /// <summary>Runs the report; <paramref name="settings"/> adds configuration on top (tests point it at a store).</summary>
    public static async Task<int> RunAsync(ReportRequest request, TextWriter output, TextWriter error,
        IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        var builder = CommandHostBuilder.Create(settings);
        builder.AddStewardship();
        builder.AddClinicalRules(); // the HTML report's sample card follows this deployment's clinical rules
        await using var host = builder.Build();

        try
        {
            var storage = host.Services.GetRequiredService<IOptions<StorageOptions>>().Value;
            if (storage.Provider == StorageProvider.Sqlite && host.Services.GetRequiredService<SqliteStore>() is var store && !File.Exists(store.FilePath))
            {
                await error.WriteLineAsync($"report: no store at {store.FilePath} (set CdsLmn:Storage:SqlitePath; the service creates it when it starts)");
                return 1;
            }

            var summary = await host.Services.GetRequiredService<IStewardshipQuery>().SummarizeAsync(request.Period, cancellationToken);
            var text = request.Format == ReportFormat.Html
                ? HtmlReport.Render(summary, host.Services.GetRequiredService<IOptions<ClinicalOptions>>().Value)
                : ReportFormatter.Format(summary, request.Format);
            if (request.OutputFile is { } path)
            {
                await File.WriteAllTextAsync(path, text, cancellationToken);
                await error.WriteLineAsync($"report: written to {path}");
            }
            else
            {
                await output.WriteAsync(text);
            }
            return 0;
        }
        catch (Exception e) when (e is OptionsValidationException or InvalidOperationException or DbException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"report: {e.Message}");
            return 1;
        }
    }
}
