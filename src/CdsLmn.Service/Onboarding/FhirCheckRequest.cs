namespace CdsLmn.Service.Onboarding;

/// <summary>What <c>check-fhir</c> was asked for. The token is never printed (see <see cref="ToString"/>).</summary>
internal sealed record FhirCheckRequest(Uri Server, string? Bearer, IReadOnlyList<string> Patients, bool Json)
{
    public override string ToString() => $"FhirCheckRequest {{ {Server}, {Patients.Count} patients }}";
}
