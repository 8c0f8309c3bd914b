namespace CdsLmn.Clinical;

/// <summary>
/// Every clinical number and code list the advisor uses, bound by the service from the configuration section
/// <see cref="SectionName"/>. Numbers have plain defaults; code lists are nullable with no initializer so a
/// site's list REPLACES the default instead of being appended to it (the configuration binder appends to a
/// non-empty collection); read them through the <c>Effective…</c> members.
/// </summary>
public sealed class ClinicalOptions
{
    public const string SectionName = "CdsLmn:Clinical";

    // docs/clinical-evidence.md §5.1: "the patient is a child below a configurable age" → no card. 18 is our adult cut-off.
    public int MinimumAgeYears { get; set; } = 18;

    /// <summary>ServiceRequest statuses that mean a test is still to come (PENDING; docs/clinical-evidence.md §5.2, docs/fhir-inputs.md §3).</summary>
    public string[]? PendingOrderStatuses { get; set; }

    public IReadOnlyList<string> EffectivePendingOrderStatuses => PendingOrderStatuses ?? (IReadOnlyList<string>)ClinicalDefaults.PendingOrderStatuses;

    // docs/fhir-inputs.md §3: an open test order counts as pending only when placed within 90 days; older "active" orders are
    // stale (EHRs rarely close orders that were never carried out). A proposal, not a sourced value.
    public int PendingWindowDays { get; set; } = 90;

    public IvigOrderOptions IvigOrders { get; set; } = new();

    public IndicationOptions Indications { get; set; } = new();

    public ConductionBlockOptions ConductionBlock { get; set; } = new();

    public AntiGm1IgMOptions AntiGm1IgM { get; set; } = new();

    public CreatineKinaseOptions CreatineKinase { get; set; } = new();

    public OngoingIvigOptions OngoingIvig { get; set; } = new();

    public DecisionTableOptions DecisionTable { get; set; } = new();

    /// <summary>One message per bad value, each naming its full configuration key. Empty when the options are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new OptionsErrors(SectionName);
        errors.Range(nameof(MinimumAgeYears), MinimumAgeYears, 0, 130);
        errors.CodeList(nameof(PendingOrderStatuses), PendingOrderStatuses, allowEmpty: true);
        errors.Range(nameof(PendingWindowDays), PendingWindowDays, 1, 3650);
        IvigOrders.Validate(errors.Sub(nameof(IvigOrders)));
        Indications.Validate(errors.Sub(nameof(Indications)));
        ConductionBlock.Validate(errors.Sub(nameof(ConductionBlock)));
        AntiGm1IgM.Validate(errors.Sub(nameof(AntiGm1IgM)));
        CreatineKinase.Validate(errors.Sub(nameof(CreatineKinase)));
        OngoingIvig.Validate(errors.Sub(nameof(OngoingIvig)));
        DecisionTable.Validate(errors.Sub(nameof(DecisionTable)));
        return errors.Messages;
    }
}
