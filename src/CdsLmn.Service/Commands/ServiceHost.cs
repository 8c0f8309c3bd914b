using System.Runtime.CompilerServices;
using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.CdsHooks.Auth;
using CdsLmn.Service.CdsHooks.RateLimiting;
using CdsLmn.Service.Evidence;
using CdsLmn.Service.Health;
using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Telemetry;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Commands;

/// <summary>
/// Builds and runs the web service. A start-up refusal — a setting that fails validation, an address already in
/// use — ends the process with one line on standard error and exit code <see cref="StartupRefused"/>, not an
/// unhandled exception.
/// </summary>
internal static class ServiceHost
{
    public const int StartupRefused = 1;

    public static async Task<int> RunAsync(string[] args, TextWriter error, CancellationToken cancellationToken)
    {
        try
        {
            var started = new StrongBox<bool>();
            await using var app = Build(args, started);
            // Validate the settings here rather than inside the host's start, which would log the failure with its stack trace.
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            app.Lifetime.ApplicationStarted.Register(() => started.Value = true);
            await app.RunAsync(cancellationToken);
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync(StartupRefusal.ForInvalidSettings(e));
            return StartupRefused;
        }
        catch (IOException e) when (StartupRefusal.IsAddressProblem(e))
        {
            await error.WriteLineAsync(StartupRefusal.ForAddress(e));
            return StartupRefused;
        }
    }

    private static WebApplication Build(string[] args, StrongBox<bool> started)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The host logs a failed start (Kestrel cannot bind) with its stack trace; RunAsync reports it in one line
        // instead. Its errors once started (a faulted background service) are still logged.
        builder.Logging.AddFilter(StartupRefusal.HostLogCategory, level => level >= LogLevel.Information && (started.Value || level < LogLevel.Error));

        builder.AddCdsHooks();
        builder.AddCdsClientAuthentication();
        builder.AddClientRateLimiting();
        builder.AddEvidence();
        builder.AddClinicalRules();
        builder.AddStewardship();
        builder.AddTelemetry();
        builder.AddHealth();

        var app = builder.Build();

        app.UseCdsHooksPipeline();
        app.UseStoreOutageGate(); // before authentication: the jti record needs the database
        app.UseCdsClientAuthentication(); // after UseCors (in UseCdsHooksPipeline): 401s carry CORS headers
        app.UseClientRateLimiting(); // after authorization: the partition is the verified client
        app.MapCdsHooks();
        app.MapHealth();
        return app;
    }
}
