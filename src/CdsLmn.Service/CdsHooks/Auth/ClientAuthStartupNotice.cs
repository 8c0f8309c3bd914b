using Microsoft.Extensions.Options;

namespace CdsLmn.Service.CdsHooks.Auth;

/// <summary>Says loudly at start when client authentication is off.</summary>
internal sealed partial class ClientAuthStartupNotice(IOptions<ClientAuthOptions> options, ILogger<ClientAuthStartupNotice> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Mode == ClientAuthMode.Disabled)
        {
            LogDisabled();
        }
        else
        {
            LogRequired(options.Value.Clients.Count);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "CDS client authentication is DISABLED (CdsLmn:Auth:Mode=Disabled): any caller can use the CDS services. Never run like this with real patient data")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "CDS client authentication required; {ClientCount} trusted clients")]
    private partial void LogRequired(int clientCount);
}
