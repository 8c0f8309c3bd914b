using Hl7.Fhir.Model;

namespace CdsLmn.Service.Onboarding;

/// <summary>
/// Finds Observations, DiagnosticReports and ServiceRequests whose text or display looks like CK, anti-GM1 or a
/// nerve conduction study but whose codes are in none of the configured lists, so the service would never read them.
/// </summary>
internal static class UnrecognisedCandidates
{
    public static IReadOnlyList<UnrecognisedCandidate> Find(IEnumerable<Resource> resources, IReadOnlyList<CandidateKind> kinds) => resources
        .Select(resource => (resource, code: CodeOf(resource)))
        .Where(r => r.code is not null)
        .SelectMany(r => kinds
            .Where(kind => kind.Text.IsMatch(Words(r.code!)) && !kinds.Any(k => k.Known.MatchesAny(r.code)))
            .Take(1)
            .Select(kind => Candidate(r.resource, r.code!, kind)))
        .DistinctBy(c => (c.Code, c.LooksLike))
        .ToList();

    private static UnrecognisedCandidate Candidate(Resource resource, CodeableConcept code, CandidateKind kind)
    {
        var coding = code.Coding.FirstOrDefault();
        var template = resource switch
        {
            DiagnosticReport => "ncsReports",
            ServiceRequest => "pendingTests",
            _ => kind.ObservationTemplate,
        };
        return new UnrecognisedCandidate(
            $"{resource.TypeName}/{resource.Id}",
            coding is null ? "(text only, no coding)" : $"{coding.System}|{coding.Code}",
            code.Text ?? coding?.Display ?? "",
            kind.LooksLike,
            kind.ConfigurationKey,
            template);
    }

    private static CodeableConcept? CodeOf(Resource resource) => resource switch
    {
        Observation o => o.Code,
        DiagnosticReport d => d.Code,
        ServiceRequest s => s.Code,
        _ => null,
    };

    private static string Words(CodeableConcept code) =>
        string.Join(" ", code.Coding.Select(c => c.Display).Append(code.Text).OfType<string>());
}
