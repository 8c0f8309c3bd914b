using System.Text.Json;
using CdsLmn.Clinical;
using CdsLmn.Service.CdsHooks.Models;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// Reads and validates a hook request body (cds-hooks-spec.md §2, §10 items 11–18): content type → 415,
/// size → 413, JSON and REQUIRED members → 400. Never throws for bad input.
/// </summary>
public sealed class HookRequestReader(IOptions<CdsHooksOptions> options)
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public async Task<(HookCall? Call, OperationOutcomeResult? Error)> ReadAsync(HttpRequest request, CdsService service, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonRequestBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (bodyError is not null)
        {
            return (null, bodyError);
        }

        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            var problem = RequestShape.FindProblem(document.RootElement, service);
            if (problem is not null)
            {
                return (null, OperationOutcomeResult.BadRequest(problem));
            }
            var call = ToHookCall(document.RootElement, service) with
            {
                ClientIssuer = request.HttpContext.User.FindFirst("iss")?.Value,
                Tenant = request.HttpContext.User.FindFirst("tenant")?.Value,
            };
            return (call, null);
        }
        catch (JsonException e)
        {
            return (null, OperationOutcomeResult.BadRequest($"The body is not a valid CDS Hooks request: {DescribeJsonError(e)}"));
        }
    }

    private static HookCall ToHookCall(JsonElement root, CdsService service)
    {
        var request = root.Deserialize(CdsJsonContext.Default.CdsRequest)!;
        if (service.Hook == HookNames.OrderSelect)
        {
            var context = request.Context.Deserialize(CdsJsonContext.Default.OrderSelectContext)!;
            return new HookCall
            {
                Service = service,
                Request = request,
                Kind = HookKind.OrderSelect,
                PatientId = context.PatientId,
                UserId = context.UserId,
                EncounterId = context.EncounterId,
                Selections = context.Selections,
                DraftOrders = context.DraftOrders,
            };
        }

        var signContext = request.Context.Deserialize(CdsJsonContext.Default.OrderSignContext)!;
        return new HookCall
        {
            Service = service,
            Request = request,
            Kind = HookKind.OrderSign,
            PatientId = signContext.PatientId,
            UserId = signContext.UserId,
            EncounterId = signContext.EncounterId,
            DraftOrders = signContext.DraftOrders,
        };
    }

    private static string DescribeJsonError(JsonException e) => JsonRequestBody.DescribeJsonError(e);
}
