using System.Diagnostics;
using System.Text;
using Hl7.Fhir.Model;

namespace CdsLmn.Service.Telemetry;

/// <summary>
/// Outgoing-call spans must not carry patient ids: FHIR URLs hold them in the query
/// (<c>Observation?patient=123</c>) and in the path (<c>Patient/123</c>). The span's <c>url.full</c> keeps the
/// scheme, host and port, and of the path only R4 resource types (<c>Observation</c>), operations
/// (<c>$everything</c>) and <c>_history</c>/<c>_search</c>; every other segment becomes <c>*</c> and the query is dropped.
/// </summary>
internal static class OutgoingUrlRedaction
{
    public const string UrlFullTag = "url.full";

    public static void Redact(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            activity.SetTag(UrlFullTag, Redact(uri));
        }
    }

    public static string Redact(Uri uri)
    {
        var redacted = new StringBuilder().Append(uri.Scheme).Append("://").Append(uri.Authority);
        foreach (var segment in uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            redacted.Append('/').Append(IsFhirName(segment) ? segment : "*");
        }
        return redacted.ToString();
    }

    // Known R4 resource types, operations ('$everything') and reserved words ('_history'); an id never passes
    // unless it is spelled exactly like a resource type.
    private static bool IsFhirName(string segment) =>
        ModelInfo.IsKnownResource(segment)
        || (segment.Length is > 1 and <= 64 && (segment[0] is '$' or '_') && segment.Skip(1).All(c => char.IsAsciiLetter(c) || c == '-'));
}
