using System.Text.Json;

namespace CdsLmn.Service.CdsHooks;

/// <summary>
/// The structural rules a hook request must meet before it is read into the wire model. Each message
/// names the member at fault so an integrator can fix the client; none echoes a value.
/// </summary>
internal static class RequestShape
{
    public static string? FindProblem(JsonElement root, CdsService service)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "The body must be a JSON object.";
        }

        var problem = JsonMembers.RequireString(root, "hook") ?? JsonMembers.RequireString(root, "hookInstance");
        if (problem is not null)
        {
            return problem;
        }

        var hook = root.GetProperty("hook").GetString();
        if (hook != service.Hook)
        {
            return $"Service '{service.Id}' answers the '{service.Hook}' hook; the request is for '{hook}'.";
        }

        return FindFhirServerProblem(root) ?? FindContextProblem(root, service) ?? FindPrefetchProblem(root);
    }

    private static string? FindFhirServerProblem(JsonElement root)
    {
        var hasServer = root.TryGetProperty("fhirServer", out var server) && server.ValueKind != JsonValueKind.Null;
        if (hasServer && (server.ValueKind != JsonValueKind.String
            || !Uri.TryCreate(server.GetString(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
        {
            return "'fhirServer' must be an absolute http(s) URL.";
        }

        if (!root.TryGetProperty("fhirAuthorization", out var authorization) || authorization.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (authorization.ValueKind != JsonValueKind.Object)
        {
            return "'fhirAuthorization' must be an object.";
        }
        if (!hasServer)
        {
            return "'fhirAuthorization' is present but 'fhirServer' is not; a token needs the server it is for.";
        }
        return JsonMembers.RequireString(authorization, "access_token", "fhirAuthorization");
    }

    private static string? FindContextProblem(JsonElement root, CdsService service)
    {
        if (!root.TryGetProperty("context", out var context) || context.ValueKind == JsonValueKind.Null)
        {
            return "Missing required field 'context'.";
        }
        if (context.ValueKind != JsonValueKind.Object)
        {
            return "'context' must be an object.";
        }

        var problem = JsonMembers.RequireString(context, "patientId", "context") ?? JsonMembers.RequireString(context, "userId", "context");
        if (problem is not null)
        {
            return problem;
        }
        if (context.TryGetProperty("encounterId", out var encounter) && encounter.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
        {
            return "'context.encounterId' must be a string.";
        }

        if (!context.TryGetProperty("draftOrders", out var draftOrders) || draftOrders.ValueKind == JsonValueKind.Null)
        {
            return "Missing required field 'context.draftOrders'.";
        }
        if (draftOrders.ValueKind != JsonValueKind.Object
            || !draftOrders.TryGetProperty("resourceType", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "Bundle")
        {
            return "'context.draftOrders' must be a FHIR Bundle.";
        }
        if (draftOrders.TryGetProperty("entry", out var entries) && entries.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object or JsonValueKind.Null))
        {
            return "'context.draftOrders.entry' must be an array.";
        }

        return service.Hook == HookNames.OrderSelect ? FindSelectionsProblem(context, draftOrders) : null;
    }

    private static string? FindSelectionsProblem(JsonElement context, JsonElement draftOrders)
    {
        if (!context.TryGetProperty("selections", out var selections) || selections.ValueKind == JsonValueKind.Null)
        {
            return "Missing required field 'context.selections' (order-select).";
        }
        if (selections.ValueKind != JsonValueKind.Array || selections.GetArrayLength() == 0)
        {
            return "'context.selections' must be a non-empty array of references such as 'MedicationRequest/123'.";
        }

        var drafts = DraftOrderReferences(draftOrders);
        foreach (var selection in selections.EnumerateArray())
        {
            if (selection.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(selection.GetString()))
            {
                return "'context.selections' must contain only references such as 'MedicationRequest/123'.";
            }
            if (!drafts.Contains(selection.GetString()!))
            {
                return $"Selection '{selection.GetString()}' names no order in 'context.draftOrders'.";
            }
        }
        return null;
    }

    /// <summary>The <c>Type/id</c> of every resource in the draftOrders Bundle (an object entry counts as one).</summary>
    internal static HashSet<string> DraftOrderReferences(JsonElement draftOrders)
    {
        var references = new HashSet<string>(StringComparer.Ordinal);
        if (!draftOrders.TryGetProperty("entry", out var entries))
        {
            return references;
        }

        var list = entries.ValueKind switch
        {
            JsonValueKind.Array => entries.EnumerateArray().ToList(),
            JsonValueKind.Object => [entries],
            _ => [],
        };
        foreach (var entry in list)
        {
            if (entry.ValueKind == JsonValueKind.Object
                && entry.TryGetProperty("resource", out var resource) && resource.ValueKind == JsonValueKind.Object
                && resource.TryGetProperty("resourceType", out var type) && type.ValueKind == JsonValueKind.String
                && resource.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
            {
                references.Add($"{type.GetString()}/{id.GetString()}");
            }
        }
        return references;
    }

    private static string? FindPrefetchProblem(JsonElement root) =>
        root.TryGetProperty("prefetch", out var prefetch) && prefetch.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null)
            ? "'prefetch' must be an object of key → FHIR resource."
            : null;
}
