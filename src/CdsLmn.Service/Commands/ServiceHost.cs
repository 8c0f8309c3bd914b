using System.Reflection;
using System.Runtime.CompilerServices;
using CdsLmn.Service.CdsHooks;
using CdsLmn.Service.CdsHooks.Auth;
using CdsLmn.Service.CdsHooks.RateLimiting;
using CdsLmn.Service.Evidence;
using CdsLmn.Service.Health;
using CdsLmn.Service.Hosting;
using CdsLmn.Service.OpenApi;
using CdsLmn.Service.Stewardship;
using CdsLmn.Service.Telemetry;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using CdsLmn.Service.Stewardship.Setup;

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
            // Not disposed here: RunAsync disposes the host, and under WebApplicationFactory the factory owns it.
            var app = Build(args, started);
            app.Lifetime.ApplicationStarted.Register(() => started.Value = true);
            await app.RunAsync(cancellationToken);
            return 0;
        }
        catch (OptionsValidationException e) when (OwnsProcess)
        {
            await error.WriteLineAsync(StartupRefusal.ForInvalidSettings(e));
            return StartupRefused;
        }
        catch (IOException e) when (OwnsProcess && StartupRefusal.IsAddressProblem(e))
        {
            await error.WriteLineAsync(StartupRefusal.ForAddress(e));
            return StartupRefused;
        }
    }

    /// <summary>
    /// False when a test's WebApplicationFactory runs this entry point inside its own process: the factory must see
    /// the exception itself.
    /// </summary>
    private static bool OwnsProcess => Assembly.GetEntryAssembly() == typeof(ServiceHost).Assembly;

    private static WebApplication Build(string[] args, StrongBox<bool> started)
    {
        var builder = WebApplication.CreateBuilder(args);
        // The host logs a failed start (invalid settings, Kestrel cannot bind) with its stack trace; RunAsync reports it
        // in one line instead. Its errors once started (a faulted background service) are still logged.
        // Only the console is spared it: other providers (a test's capture, OTLP) still receive the failure.
        builder.Logging.AddFilter<ConsoleLoggerProvider>(StartupRefusal.HostLogCategory, level => level >= LogLevel.Information && (started.Value || level < LogLevel.Error));

        builder.AddSharedServices(); // the clock and CdsLmnMetrics, registered nowhere else
        builder.AddCdsHooks();
        builder.AddCdsClientAuthentication();
        builder.AddClientRateLimiting();
        builder.AddEvidence();
        builder.AddClinicalRules();
        builder.AddStewardship();
        builder.AddTelemetry();
        builder.AddHealth();
        builder.AddApiDescription();

        var app = builder.Build();

        // The middleware, outermost first; this list is the only place that orders it.
        app.UseExceptionHandler(FrameworkErrorAnswers.Unexpected); // outermost: any failure below becomes a logged 500 OperationOutcome
        app.UseStatusCodePages(FrameworkErrorAnswers.ForStatusAsync); // a bodiless status from the framework (404, 405, 413…) gets an OperationOutcome
        app.UseCors(); // before anything that refuses: every answer carries CORS headers and a preflight needs no token
        app.UseStoreOutageGate(); // before authentication: the jti replay record needs the database (PostgreSQL only)
        app.UseAuthentication(); // after CORS: a 401 carries CORS headers
        app.UseAuthorization(); // the cds-client policy of the /cds-services routes
        app.UseRateLimiter(); // after authorization: the partition is the verified client
        app.MapCdsHooks();
        app.MapHealth();
        app.MapApiDescription(); // Development only
        return app;
    }
}
