using CdsLmn.Service.CdsHooks.Models;

namespace CdsLmn.Service.CdsHooks;

/// <summary>What a hook call produced: a response to send, or an error outcome (e.g. 412).</summary>
public sealed record HookOutcome(CdsResponse? Response, OperationOutcomeResult? Error)
{
    public static HookOutcome Cards(CdsResponse response) => new(response, null);

    public static HookOutcome Failed(OperationOutcomeResult error) => new(null, error);
}

/// <summary>Turns a validated hook call into cards.</summary>
public sealed partial class HookHandler(ILogger<HookHandler> logger)
{
    public Task<HookOutcome> HandleAsync(HookCall call, CancellationToken cancellationToken)
    {
        // No clinical rule is wired in yet: silence ({"cards":[]}) is the correct answer for every valid request.
        LogSilent(call.Service.Id, call.Request.HookInstance);
        return Task.FromResult(HookOutcome.Cards(CdsResponse.Silent));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hook {ServiceId} instance {HookInstance}: no cards")]
    private partial void LogSilent(string serviceId, string hookInstance);
}
