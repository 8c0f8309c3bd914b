using System.Collections.Immutable;
using CdsLmn.Clinical.Fhir;

namespace CdsLmn.Clinical;

/// <summary>
/// The default code lists (docs/fhir-inputs.md; docs/clinical-evidence.md §4). Facts marked UNVERIFIED there are not
/// here: they are empty configurable slots. A site replaces a list by configuring it.
/// </summary>
internal static class ClinicalDefaults
{
    private const string Nm = CdsLmnCodes.NeuromuscularSystem;

    // docs/fhir-inputs.md §3: "an active ServiceRequest"; we also count on-hold (ordered, not yet done).
    public static readonly ImmutableArray<string> PendingOrderStatuses = ["active", "on-hold"];

    // ---- IVIg order recognition: docs/fhir-inputs.md §1, docs/clinical-evidence.md §4a ----

    // docs/clinical-evidence.md §4a: RxNorm ingredient 1426680 (PARTIAL; docs/fhir-inputs.md lists it as the default).
    public static readonly ImmutableArray<string> RxNormCodes = ["1426680"];

    public static readonly ImmutableArray<string> AtcCodes = ["J06BA02"];

    // docs/clinical-evidence.md §4a: J06BA01 extravascular; J06BB* hyperimmune globulins.
    public static readonly ImmutableArray<string> ExcludedAtcCodes = ["J06BA01", "J06BB*"];

    // docs/clinical-evidence.md §4a table "IV immune globulin products" (NDC product codes, VERIFIED via openFDA).
    public static readonly ImmutableArray<string> NdcProductCodes =
    [
        "44206-439", "68982-840", "0069-8476", "0069-6550", "68982-822", "13533-805", "76125-900",
        "0944-2700", "0944-2705", "0944-2658", "61953-0004", "64208-8234", "69800-6503", "69800-0250", "70573-605",
    ];

    // docs/clinical-evidence.md §4a "SC-only products: do NOT trigger".
    public static readonly ImmutableArray<string> ExcludedNdcProductCodes = ["44206-454", "0944-2850", "0069-1802", "13533-810", "0944-2511", "0944-2513"];

    // docs/clinical-evidence.md §4a HCPCS table (VERIFIED). J1554/J1576 (Asceniv/Panzyga) are UNVERIFIED: configure them.
    public static readonly ImmutableArray<string> HcpcsCodes = ["J1459", "J1556", "J1557", "J1561", "J1566", "J1568", "J1569", "J1572", "J1599"];

    // docs/clinical-evidence.md §4a "SC codes (exclude)". J1555/J1558/J1551 are UNVERIFIED: configure them.
    public static readonly ImmutableArray<string> ExcludedHcpcsCodes = ["J1559", "J1575", "J1562"];

    // docs/clinical-evidence.md §4a: CPT 90283/90284 are SC codes.
    public static readonly ImmutableArray<string> ExcludedLocalCodes = [$"{FhirSystems.Cpt}|90283", $"{FhirSystems.Cpt}|90284"];

    // docs/fhir-inputs.md §1: IV brand names (whole words, case-insensitive).
    public static readonly ImmutableArray<string> IvBrandNames =
    [
        "Privigen", "Octagam", "Panzyga", "Gamunex-C", "Gamunex", "Gammaked", "Gammagard", "Flebogamma",
        "Gammaplex", "Bivigam", "Asceniv", "Yimmugo",
    ];

    // docs/fhir-inputs.md §1: dual-route products: the route on the order decides; no route means IV.
    public static readonly ImmutableArray<string> DualRouteBrandNames = ["Gamunex-C", "Gamunex", "Gammaked", "Gammagard Liquid"];

    // docs/fhir-inputs.md §1 / docs/clinical-evidence.md §4a: SC-only products never trigger.
    public static readonly ImmutableArray<string> ScOnlyBrandNames = ["Hizentra", "Cuvitru", "Cutaquig", "Xembify", "HyQvia"];

    // docs/fhir-inputs.md §1: abbreviations and generic names that name normal human immune globulin.
    public static readonly ImmutableArray<string> GenericNames = ["IVIG", "IGIV", "IVIg", "immune globulin", "immunoglobulin", "immune globuline", "immunoglobulin G"];

    // docs/fhir-inputs.md §1: text naming a hyperimmune globulin never counts.
    public static readonly ImmutableArray<string> HyperimmuneTerms =
    [
        "hepatitis B", "HBIG", "Rho(D)", "Rho (D)", "RhoD", "anti-D", "tetanus", "rabies", "varicella", "zoster",
        "cytomegalovirus", "CMV", "botulism", "botulinum", "anthrax", "vaccinia", "hyperimmune",
    ];

    // docs/fhir-inputs.md §1: text that names a non-IV route.
    public static readonly ImmutableArray<string> NonIvRouteTerms = ["subcutaneous", "subcut", "intramuscular", "SCIG", "IGSC", "facilitated"];

    // docs/fhir-inputs.md §1: SNOMED 47625008 intravenous; EDQM 20045000 intravenous use.
    public static readonly ImmutableArray<string> IntravenousRoutes = [$"{FhirSystems.Snomed}|47625008", $"{FhirSystems.Edqm}|20045000"];

    // docs/fhir-inputs.md §1: SNOMED 34206005 subcutaneous, 78421000 intramuscular.
    public static readonly ImmutableArray<string> NonIntravenousRoutes = [$"{FhirSystems.Snomed}|34206005", $"{FhirSystems.Snomed}|78421000"];

    // ---- Indication: docs/fhir-inputs.md §2, docs/clinical-evidence.md §4d, §5.1 ----

    public static readonly ImmutableArray<string> LmnIcd10Codes = ["G12.20", "G12.22", "G12.24", "G12.25", "G12.29"];

    // docs/clinical-evidence.md §4d: ALS (G12.21 / SNOMED 86044005) is MND context; evaluated unless Indications:EvaluateAls is false.
    public static readonly ImmutableArray<string> AlsIcd10Codes = ["G12.21"];

    public static readonly ImmutableArray<string> AlsSnomedCodes = ["86044005"];

    // docs/clinical-evidence.md §4d: G12.23 primary lateral sclerosis is UMN-only; never LMN context, even through a wildcard.
    public static readonly ImmutableArray<string> NeverLmnIcd10Codes = ["G12.23"];

    public static readonly ImmutableArray<string> LmnSnomedCodes = ["37340000"];

    // docs/fhir-inputs.md §2 "Other accepted IVIg indication". M30.3 (Kawasaki) is UNVERIFIED: configure it.
    public static readonly ImmutableArray<string> OtherIndicationIcd10Codes =
    [
        "G61.82", "G61.81", "G61.0", "G70.00", "G70.01", "D80.*", "D81.0", "D81.1", "D81.2", "D81.3*", "D82.0", "D83.*", "D69.3",
    ];

    public static readonly ImmutableArray<string> OtherIndicationSnomedCodes = ["40956001", "91637004"];

    // docs/clinical-evidence.md §5.3 row 10 / §5.4: already on maintenance IVIg for MMN or CIDP → no card.
    // SNOMED codes for MMN and CIDP are UNVERIFIED (§4d): empty slot, configure MmnCidpLocalCodes.
    public static readonly ImmutableArray<string> MmnCidpIcd10Codes = ["G61.82", "G61.81"];

    // ---- Findings: docs/fhir-inputs.md §3–§5, docs/clinical-evidence.md §4b, §4c ----

    public static readonly ImmutableArray<string> CbFindingCodes = [$"{Nm}|motor-conduction-block"];

    public static readonly ImmutableArray<string> CbSegmentCodes = [$"{Nm}|ncs-motor-segment"];

    // docs/clinical-evidence.md §4c: LOINC 18749-2 Electromyogram study, 27897-8 Neuromuscular electrophysiology studies.
    public static readonly ImmutableArray<string> NcsStudyCodes = [$"{FhirSystems.Loinc}|18749-2", $"{FhirSystems.Loinc}|27897-8"];

    // docs/clinical-evidence.md §2.3 site rule (AAEM): common entrapment sites never count.
    public static readonly ImmutableArray<string> EntrapmentSegments = ["median-wrist", "ulnar-elbow", "ulnar-wrist", "peroneal-fibular-head"];

    // docs/fhir-inputs.md §3 / docs/clinical-evidence.md §2.3: long upper-limb segments (probable CB at ≥ 30 % area drop).
    public static readonly ImmutableArray<string> LongUpperLimbSegments = ["median-forearm", "median-upper-arm", "ulnar-forearm", "ulnar-upper-arm", "median-erb", "ulnar-erb"];

    // docs/fhir-inputs.md §3, docs/clinical-evidence.md §2.3: EFNS/PNS 2010 define CB on the median, ulnar and peroneal
    // nerves; the tibial nerve and others never count.
    public static readonly ImmutableArray<string> CbNerves = ["median", "ulnar", "peroneal"];

    // docs/fhir-inputs.md §3: recognised sites besides the entrapment and long upper-limb ones (axilla and leg segments).
    public static readonly ImmutableArray<string> OtherSegments = ["median-axilla", "ulnar-axilla", "peroneal-leg", "peroneal-knee", "tibial-leg", "tibial-knee"];

    // docs/clinical-evidence.md §4b: 51703-7 Ganglioside GM1 IgM Ab (VERIFIED). The [Titer]/[Presence] LOINCs are UNVERIFIED: configure.
    public static readonly ImmutableArray<string> Gm1IgMCodes = [$"{FhirSystems.Loinc}|51703-7"];

    // docs/clinical-evidence.md §4b: IgG (51729-2) and asialo-GM1 (10359-8) are never GM1 IgM.
    public static readonly ImmutableArray<string> Gm1ExcludedCodes = [$"{FhirSystems.Loinc}|51729-2", $"{FhirSystems.Loinc}|10359-8"];

    // docs/clinical-evidence.md §4b: CK 2157-6 (VERIFIED); other CK LOINCs UNVERIFIED: configure.
    public static readonly ImmutableArray<string> CreatineKinaseCodes = [$"{FhirSystems.Loinc}|2157-6"];

    // docs/fhir-inputs.md §6: a completed IVIg MedicationRequest within the window means ongoing IVIg.
    public static readonly ImmutableArray<string> OngoingRequestStatuses = ["completed"];

    // docs/fhir-inputs.md §6: an active or on-hold IVIg MedicationRequest of any age is a standing maintenance order.
    public static readonly ImmutableArray<string> StandingOrderStatuses = ["active", "on-hold"];

    // docs/fhir-inputs.md §6: a MedicationAdministration that is not entered-in-error / not-done counts.
    public static readonly ImmutableArray<string> IgnoredAdministrationStatuses = ["entered-in-error", "not-done"];
}
