namespace CdsLmn.Service.Evidence;

/// <summary>
/// What <c>fhirAuthorization.scope</c> lets the service do on the EHR's FHIR server (docs/cds-hooks-spec.md §2,
/// §3.6): SMART App Launch v1 (<c>patient/Observation.read</c>, <c>.*</c>) and v2 (<c>patient/Observation.rs</c>)
/// resource scopes, for <c>patient/</c>, <c>user/</c> and <c>system/</c> and the <c>*</c> resource type. The service
/// queries only what is granted, so a narrow token yields "missing" (412), never a burst of 403s at the EHR. A v2
/// scope narrowed by a query (<c>patient/Observation.rs?category=laboratory</c>) grants nothing here: the service's
/// own searches would come back filtered, and a filtered answer must not be taken for "none on record".
/// </summary>
internal sealed class SmartScopes
{
    private readonly HashSet<string> _reads = new(StringComparer.Ordinal);
    private readonly HashSet<string> _searches = new(StringComparer.Ordinal);

    private SmartScopes()
    {
    }

    /// <summary>The grants of a space-separated scope string; null (no restriction) when the EHR sent no scope.</summary>
    public static SmartScopes? Parse(string? scope)
    {
        if (scope is null)
        {
            return null;
        }
        var grants = new SmartScopes();
        foreach (var token in scope.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            grants.Add(token);
        }
        return grants;
    }

    /// <summary>Whether a read (<c>Patient/123</c>) or search (<c>Observation?…</c>) of <paramref name="resourceType"/> is granted.</summary>
    public bool Allows(string resourceType, bool search)
    {
        var granted = search ? _searches : _reads;
        return granted.Contains("*") || granted.Contains(resourceType);
    }

    /// <summary>Why <paramref name="relativeUrl"/> (a read or search, as <see cref="FhirQueryClient.Classify"/> tells) may not be run; null when granted.</summary>
    public string? Refusal(string relativeUrl)
    {
        var (type, search) = FhirQueryClient.Classify(relativeUrl);
        return Allows(type, search) ? null : $"fhirAuthorization.scope grants no {(search ? "search" : "read")} of {type}";
    }

    private void Add(string token)
    {
        var slash = token.IndexOf('/', StringComparison.Ordinal);
        var dot = token.LastIndexOf('.');
        if (slash < 0 || dot < slash || token[..slash] is not ("patient" or "user" or "system") || token.Contains('?', StringComparison.Ordinal))
        {
            return; // openid, launch, fhirUser, offline_access, … and query-narrowed v2 scopes
        }
        var type = token[(slash + 1)..dot];
        var permissions = token[(dot + 1)..];
        var (read, search) = permissions switch
        {
            "read" or "*" => (true, true),
            "write" => (false, false),
            _ when permissions.Length > 0 && permissions.All(c => "cruds".Contains(c, StringComparison.Ordinal)) => (permissions.Contains('r', StringComparison.Ordinal), permissions.Contains('s', StringComparison.Ordinal)),
            _ => (false, false),
        };
        if (read)
        {
            _reads.Add(type);
        }
        if (search)
        {
            _searches.Add(type);
        }
    }
}
