using CdsLmn.Clinical.Cards;
using CdsLmn.Clinical.Fhir;
using CdsLmn.Clinical.Findings;
using Hl7.Fhir.Model;

namespace CdsLmn.Clinical.Advising;

/// <summary>
/// The clinical advisor: is each order in scope IVIg, why is it given, what do the CB / GM1 / CK findings say, which
/// decision-table row applies (docs/clinical-evidence.md §5), and what should the card say. Pure: FHIR POCOs and
/// <c>now</c> in, an <see cref="Assessment"/> out. Thread-safe once constructed.
/// </summary>
public sealed class IvigAdvisor
{
    private static readonly ConductionBlockState[] AllCb = Enum.GetValues<ConductionBlockState>();
    private static readonly AntiGm1State[] AllGm1 = Enum.GetValues<AntiGm1State>();
    private static readonly CreatineKinaseState[] AllCk = Enum.GetValues<CreatineKinaseState>();
    private static readonly bool[] Both = [true, false];

    private readonly ClinicalOptions _options;
    private readonly IvigOrder _orders;
    private readonly Indication _indication;
    private readonly ConductionBlock _conductionBlock;
    private readonly AntiGm1IgM _antiGm1;
    private readonly CreatineKinase _creatineKinase;
    private readonly OngoingIvig _ongoing;

    /// <exception cref="ArgumentException">The options fail <see cref="ClinicalOptions.Validate"/>.</exception>
    public IvigAdvisor(ClinicalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid clinical options: " + string.Join("; ", errors), nameof(options));
        }

        _options = options;
        _orders = new IvigOrder(options.IvigOrders);
        _indication = new Indication(options.Indications);
        var pendingTests = new PendingTests(options.EffectivePendingOrderStatuses, options.PendingWindowDays);
        _conductionBlock = new ConductionBlock(options.ConductionBlock, pendingTests);
        _antiGm1 = new AntiGm1IgM(options.AntiGm1IgM, pendingTests);
        _creatineKinase = new CreatineKinase(options.CreatineKinase);
        _ongoing = new OngoingIvig(options.OngoingIvig, _orders);
    }

    /// <summary>
    /// False when no order in scope is, or may be, IVIg: then nothing else about the patient matters, and the
    /// caller need not read any further evidence. Needs only the orders and the Medications they reference.
    /// </summary>
    public bool MayConcernIvig(ClinicalEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var medicationUnavailable = evidence.Unavailable.Contains(EvidenceKind.Medication);
        return evidence.OrdersInScope.Any(order => _orders.Recognise(order, evidence.Medications, medicationUnavailable).Kind != IvigKind.NotIvig);
    }

    /// <summary>Assesses every order in scope; one piece of advice per IVIg order that warrants a card.</summary>
    public Assessment Assess(ClinicalEvidence evidence, OrderStage stage, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var unavailable = evidence.Unavailable;
        bool Unavailable(EvidenceKind kind) => unavailable.Contains(kind);

        var orders = evidence.OrdersInScope
            .Select(order => (Order: order, Recognition: _orders.Recognise(order, evidence.Medications, Unavailable(EvidenceKind.Medication))))
            .ToList();
        if (orders.All(o => o.Recognition.Kind == IvigKind.NotIvig))
        {
            return Assessment.Silent; // nothing else about the patient matters
        }

        var cb = Unavailable(EvidenceKind.NerveConduction)
            ? UnavailableFinding(ConductionBlockState.NotTested, "Nerve conduction")
            : _conductionBlock.Assess(evidence, now);
        var givenOn = _ongoing.Assess(evidence, null, now).GivenOn;
        var gm1 = Unavailable(EvidenceKind.AntiGm1IgM)
            ? UnavailableFinding(AntiGm1State.NotTested, "Anti-GM1 IgM")
            : _antiGm1.Assess(evidence, now, givenOn);
        var gender = evidence.Patient is { } patient ? FhirRead.Safe(() => patient.Gender, null) : null;
        var ck = Unavailable(EvidenceKind.CreatineKinase)
            ? UnavailableFinding(CreatineKinaseState.Unknown, "Creatine kinase")
            : _creatineKinase.Assess(evidence, now, gender);

        // Each fact as a set of possible values, with the evidence kinds that leave it open.
        var cbOptions = Possible(Unavailable(EvidenceKind.NerveConduction) ? AllCb : WithPending([cb.State], ConductionBlockState.Pending, Unavailable(EvidenceKind.PendingTests)),
            Unavailable(EvidenceKind.NerveConduction) ? EvidenceKind.NerveConduction : EvidenceKind.PendingTests);
        var gm1Options = Possible(Unavailable(EvidenceKind.AntiGm1IgM) ? AllGm1 : WithPending([gm1.State], AntiGm1State.Pending, Unavailable(EvidenceKind.PendingTests)),
            Unavailable(EvidenceKind.AntiGm1IgM) ? EvidenceKind.AntiGm1IgM : EvidenceKind.PendingTests);
        var ckOptions = Unavailable(EvidenceKind.CreatineKinase)
            ? Possible(AllCk.SelectMany(state => Both.Select(veryHigh => (state, veryHigh))).ToArray(), EvidenceKind.CreatineKinase)
            : Unavailable(EvidenceKind.Patient)
                ? Possible(new AdministrativeGender?[] { AdministrativeGender.Male, AdministrativeGender.Female, null }
                    .Select(g => CkFacts(_creatineKinase.Assess(evidence, now, g))).Distinct().ToArray(), EvidenceKind.Patient)
                : Possible([CkFacts(ck)], EvidenceKind.CreatineKinase);
        var paediatric = Unavailable(EvidenceKind.Patient) ? Possible(Both, EvidenceKind.Patient) : Possible([IsPaediatric(evidence.Patient, now)], EvidenceKind.Patient);

        var advice = new List<Advice>();
        var missing = new HashSet<EvidenceKind>();
        foreach (var (order, recognition) in orders)
        {
            var isIvig = Possible(recognition.Kind == IvigKind.Unknown ? Both : [recognition.Kind == IvigKind.Ivig], EvidenceKind.Medication);

            var indication = _indication.Assess(order, evidence.Conditions, Unavailable(EvidenceKind.Conditions));
            var indications = indication.Kind == IndicationKind.Unknown
                ? Possible<(IndicationKind Kind, bool LmnAlso)>([(IndicationKind.Lmn, true), (IndicationKind.OtherIndication, true), (IndicationKind.OtherIndication, false), (IndicationKind.Neither, false)], EvidenceKind.Conditions)
                : Possible([(indication.Kind, indication.LmnAlsoCoded)], EvidenceKind.Conditions);
            var mmnCidp = Unavailable(EvidenceKind.Conditions)
                ? Possible(Both, EvidenceKind.Conditions)
                : Possible([_indication.MmnOrCidpCoded(order, evidence.Conditions)], EvidenceKind.Conditions);

            var ongoing = Unavailable(EvidenceKind.OngoingIvig)
                ? new OngoingIvigResult(null, [], null, [])
                : _ongoing.Assess(evidence, order, now);
            var ongoingOptions = Possible(ongoing.Ongoing is { } known ? [known] : Both,
                Unavailable(EvidenceKind.OngoingIvig) ? EvidenceKind.OngoingIvig : EvidenceKind.Medication);

            var matches = Enumerate(isIvig, indications, paediatric, cbOptions, gm1Options, ckOptions, ongoingOptions, mmnCidp);
            var first = matches[0];
            if (!matches.All(o => o.SameAs(first)))
            {
                foreach (var open in new IPossible[] { isIvig, indications, paediatric, cbOptions, gm1Options, ckOptions, ongoingOptions, mmnCidp }.Where(p => p.IsOpen))
                {
                    missing.Add(open.Kind);
                }

                continue;
            }

            if (!first.ShowsCard)
            {
                continue;
            }

            var orderReference = $"MedicationRequest/{FhirRead.Safe(() => order.Id, null) ?? "?"}";
            var ongoingForCard = ongoing with { Ongoing = first.Row == 10 ? true : ongoing.Ongoing };
            advice.Add(CardText.Build(new CardFacts(orderReference, stage, first, indication, cb, gm1, ck, ongoingForCard, PatientReference(order, evidence.Patient), now)));
        }

        return missing.Count > 0 ? new Assessment([], missing) : new Assessment(advice, new HashSet<EvidenceKind>());
    }

    private List<TableMatch> Enumerate(
        Choices<bool> isIvig,
        Choices<(IndicationKind Kind, bool LmnAlso)> indications,
        Choices<bool> paediatric,
        Choices<ConductionBlockState> cbs,
        Choices<AntiGm1State> gm1s,
        Choices<(CreatineKinaseState State, bool VeryHigh)> cks,
        Choices<bool> ongoings,
        Choices<bool> mmnCidps)
    {
        var matches = new List<TableMatch>();
        foreach (var ivig in isIvig.Values)
            foreach (var (kind, lmnAlso) in indications.Values)
                foreach (var child in paediatric.Values)
                    foreach (var cb in cbs.Values)
                        foreach (var gm1 in gm1s.Values)
                            foreach (var (ck, ckVeryHigh) in cks.Values)
                                foreach (var ongoing in ongoings.Values)
                                    foreach (var mmnCidp in mmnCidps.Values)
                                    {
                                        matches.Add(DecisionTable.Decide(new DecisionInputs(ivig, kind, lmnAlso, child, cb, gm1, ck, ongoing, mmnCidp) { CkVeryHigh = ckVeryHigh }, _options));
                                    }

        return matches;
    }

    private bool IsPaediatric(Patient? patient, DateTimeOffset now)
    {
        // docs/clinical-evidence.md §5.1: children below the configured age get no card; an unknown birth date is not an exclusion.
        var birth = FhirRead.ParseDate(FhirRead.String(patient, "birthDate"));
        if (birth is null)
        {
            return false;
        }

        var b = birth.Value.UtcDateTime.Date;
        var today = now.UtcDateTime.Date;
        var age = today.Year - b.Year - (today < b.AddYears(today.Year - b.Year) ? 1 : 0);
        return age < _options.MinimumAgeYears;
    }

    private static string? PatientReference(MedicationRequest order, Patient? patient)
    {
        var subject = FhirRead.ReferenceText(FhirRead.One<ResourceReference>(order, "subject"));
        if (subject is not null && subject.StartsWith("Patient/", StringComparison.Ordinal))
        {
            return subject;
        }

        return patient is not null && FhirRead.Safe(() => patient.Id, null) is { Length: > 0 } id ? $"Patient/{id}" : null;
    }

    private static (CreatineKinaseState State, bool VeryHigh) CkFacts(Finding<CreatineKinaseState> ck) =>
        (ck.State, ck.Flags.Contains(CreatineKinase.VeryHighFlag));

    private static T[] WithPending<T>(T[] known, T pending, bool pendingUnknown) where T : struct, Enum =>
        pendingUnknown && !known.Contains(pending) ? [.. known, pending] : known;

    private static Finding<T> UnavailableFinding<T>(T state, string test) where T : struct, Enum =>
        new(state, test, "could not be retrieved", null, [], [], Unavailable: true);

    private static Choices<T> Possible<T>(T[] values, EvidenceKind kind) => new(values, kind);

    private interface IPossible
    {
        bool IsOpen { get; }

        EvidenceKind Kind { get; }
    }

    /// <summary>The values a fact may take, and the evidence kind that would settle it.</summary>
    private sealed record Choices<T>(T[] Values, EvidenceKind Kind) : IPossible
    {
        public bool IsOpen => Values.Length > 1;
    }
}
