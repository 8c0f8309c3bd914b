using CdsLmn.Clinical.Fhir;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Findings;

/// <summary>
/// Ongoing IVIg (docs/fhir-inputs.md §6, docs/clinical-evidence.md §5.3 row 10): a MedicationAdministration (not
/// entered-in-error / not-done) or a completed MedicationRequest for IVIg (recognised as in §1) dated within the window,
/// or an active/on-hold IVIg MedicationRequest of any age: a standing maintenance order is a continuation, however
/// long ago it was written. A request is dated by authoredOn (else its dispense validity start).
/// </summary>
internal sealed class OngoingIvig
{
    private readonly OngoingIvigOptions _options;
    private readonly IvigOrder _recognition;

    public OngoingIvig(OngoingIvigOptions options, IvigOrder recognition)
    {
        _options = options;
        _recognition = recognition;
    }

    public OngoingIvigResult Assess(ClinicalEvidence evidence, MedicationRequest? currentOrder, DateTimeOffset now)
    {
        var medicationUnavailable = evidence.Unavailable.Contains(EvidenceKind.Medication);
        var ids = new List<string>();
        var given = new List<DateTimeOffset>();
        var unknown = false;
        DateTimeOffset? last = null;

        foreach (var administration in evidence.MedicationAdministrations)
        {
            var status = FhirRead.Code(administration, "status");
            if (status is not null && _options.EffectiveIgnoredAdministrationStatuses.Contains(status, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            var date = FhirRead.DateOf(administration, "effective");
            var kind = _recognition.Recognise(administration, evidence.Medications, medicationUnavailable).Kind;
            if (kind == IvigKind.Ivig && date is { } d)
            {
                given.Add(d);
            }

            Count(kind, date, FhirRead.Reference(administration));
        }

        var currentId = currentOrder is null ? null : FhirRead.Safe(() => currentOrder.Id, null);
        foreach (var request in evidence.MedicationHistory)
        {
            var status = FhirRead.Code(request, "status");
            var standing = status is not null && _options.EffectiveStandingOrderStatuses.Contains(status, StringComparer.OrdinalIgnoreCase);
            if (status is null || (!standing && !_options.EffectiveRequestStatuses.Contains(status, StringComparer.OrdinalIgnoreCase))
                || (currentId is not null && request.Id == currentId))
            {
                continue;
            }

            var date = FhirRead.DateOf(request, "authoredOn")
                ?? FhirRead.DateOf(FhirRead.One<MedicationRequest.DispenseRequestComponent>(request, "dispenseRequest") is { } dispense
                    ? FhirRead.One<Period>(dispense, "validityPeriod") : null);
            var requestKind = _recognition.Recognise(request, evidence.Medications, medicationUnavailable).Kind;
            if (requestKind == IvigKind.Ivig && date is { } requestDate)
            {
                given.Add(requestDate);
            }

            Count(requestKind, date, FhirRead.Reference(request), standing);
        }

        bool? ongoing = ids.Count > 0 ? true : unknown ? null : false;
        return new OngoingIvigResult(ongoing, ids, last, given);

        void Count(IvigKind kind, DateTimeOffset? date, string id, bool standing = false)
        {
            var inWindow = date is { } d && ResultStatuses.IsFresh(d, now, _options.WindowDays) && d <= now.AddDays(1);
            if (!standing && !inWindow)
            {
                return;
            }

            if (kind == IvigKind.Ivig)
            {
                ids.Add(id);
                if (date is { } given && given <= now.AddDays(1))
                {
                    last = last is null || given > last ? given : last;
                }
            }
            else if (kind == IvigKind.Unknown)
            {
                unknown = true;
            }
        }
    }
}
