using CdsLmn.Service.CdsHooks.Models;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks;

/// <summary>What a hook call produced: a response to send, or an error outcome (400 for an unreadable draft order, 412).</summary>
internal sealed record HookAnswer(CdsResponse? Response, OperationOutcomeResult? Error)
{
    public static HookAnswer Cards(CdsResponse response) => new(response, null);

    public static HookAnswer Failed(OperationOutcomeResult error) => new(null, error);
}
