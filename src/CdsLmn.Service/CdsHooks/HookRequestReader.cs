using System.Text.Json;
using CdsLmn.Service.CdsHooks.Models;
using Microsoft.Extensions.Options;
using CdsLmn.Service.Http;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// Reads and validates a hook request body (docs/cds-hooks-spec.md §2, §10 items 11–18): content type → 415,
/// size → 413, JSON and REQUIRED members → 400. Never throws for bad input.
/// </summary>
internal sealed class HookRequestReader(IOptions<CdsHooksOptions> options)
{
    public async Task<(HookCall? Call, OperationOutcomeResult? Error)> ReadAsync(HttpRequest request, CdsService service, CancellationToken cancellationToken)
    {
        var (body, bodyError) = await JsonRequestBody.ReadAsync(request, options.Value.MaxRequestBodyBytes, cancellationToken);
        if (bodyError is not null)
        {
            return (null, bodyError);
        }

        JsonDocument? document = null;
        try
        {
            document = JsonDocument.Parse(body, JsonRequestBody.DocumentOptions);
            var problem = RequestShape.FindProblem(document.RootElement, service);
            if (problem is not null)
            {
                document.Dispose();
                return (null, OperationOutcomeResult.BadRequest(problem));
            }

            var call = ToHookCall(document.RootElement, service) with
            {
                ClientIssuer = request.HttpContext.User.FindFirst("iss")?.Value,
                Tenant = request.HttpContext.User.FindFirst("tenant")?.Value,
            };
            // The call's JsonElements (context, draftOrders, prefetch values) point into this document, so it lives
            // as long as the request: the body is parsed once, not copied into a document per member.
            request.HttpContext.Response.RegisterForDispose(document);
            return (call, null);
        }
        catch (JsonException e)
        {
            document?.Dispose();
            return (null, OperationOutcomeResult.BadRequest($"The body is not a valid CDS Hooks request: {DescribeJsonError(e)}"));
        }
    }

    /// <summary>Reads the members <see cref="RequestShape"/> has already checked, without copying the FHIR content.</summary>
    private static HookCall ToHookCall(JsonElement root, CdsService service)
    {
        var context = root.GetProperty("context");
        var request = new CdsRequest
        {
            Hook = root.GetProperty("hook").GetString()!,
            HookInstance = root.GetProperty("hookInstance").GetString()!,
            FhirServer = OptionalString(root, "fhirServer"),
            FhirAuthorization = root.TryGetProperty("fhirAuthorization", out var authorization) && authorization.ValueKind == JsonValueKind.Object
                ? authorization.Deserialize(CdsJsonContext.Default.FhirAuthorization)
                : null,
            Context = context,
            Prefetch = root.TryGetProperty("prefetch", out var prefetch) && prefetch.ValueKind == JsonValueKind.Object
                ? prefetch.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal)
                : null,
        };

        return new HookCall
        {
            Service = service,
            Request = request,
            Kind = service.Hook == HookNames.OrderSelect ? HookKind.OrderSelect : HookKind.OrderSign,
            PatientId = context.GetProperty("patientId").GetString()!,
            UserId = context.GetProperty("userId").GetString()!,
            EncounterId = OptionalString(context, "encounterId"),
            Selections = service.Hook == HookNames.OrderSelect
                ? context.GetProperty("selections").EnumerateArray().Select(s => s.GetString()!).ToList()
                : null,
            DraftOrders = context.GetProperty("draftOrders"),
        };
    }

    private static string? OptionalString(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string DescribeJsonError(JsonException e) => JsonRequestBody.DescribeJsonError(e);
}
