namespace CdsLmn.Service.Evidence;

/// <summary>The EHR's FHIR server for one hook request, with the token it lent us. Never logged.</summary>
internal sealed record FhirServer(Uri BaseUrl, string? AccessToken)
{
    public Uri BaseWithSlash { get; } = BaseUrl.AbsoluteUri.EndsWith('/') ? BaseUrl : new Uri(BaseUrl.AbsoluteUri + "/");

    public override string ToString() => $"FhirServer {{ {BaseUrl} }}";
}
