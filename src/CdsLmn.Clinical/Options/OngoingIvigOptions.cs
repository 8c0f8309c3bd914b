namespace CdsLmn.Clinical;

/// <summary>Ongoing IVIg therapy: the continuation row 10 (docs/fhir-inputs.md §6, docs/clinical-evidence.md §5.3).</summary>
public sealed class OngoingIvigOptions
{
    // docs/clinical-evidence.md §5.3 row 10: "a previous administration within a configurable ≤ 90 days".
    public int WindowDays { get; set; } = 90;

    /// <summary>Statuses of an earlier IVIg MedicationRequest that count when dated within <see cref="WindowDays"/>.</summary>
    public string[]? RequestStatuses { get; set; }

    /// <summary>Statuses of a standing IVIg order that count at any age (docs/fhir-inputs.md §6: a maintenance order).</summary>
    public string[]? StandingOrderStatuses { get; set; }

    public string[]? IgnoredAdministrationStatuses { get; set; }

    public IReadOnlyList<string> EffectiveRequestStatuses => RequestStatuses ?? (IReadOnlyList<string>)ClinicalDefaults.OngoingRequestStatuses;
    public IReadOnlyList<string> EffectiveStandingOrderStatuses => StandingOrderStatuses ?? (IReadOnlyList<string>)ClinicalDefaults.StandingOrderStatuses;
    public IReadOnlyList<string> EffectiveIgnoredAdministrationStatuses => IgnoredAdministrationStatuses ?? (IReadOnlyList<string>)ClinicalDefaults.IgnoredAdministrationStatuses;

    internal void Validate(OptionsErrors errors)
    {
        errors.Positive(nameof(WindowDays), WindowDays);
        errors.CodeList(nameof(RequestStatuses), RequestStatuses);
        errors.CodeList(nameof(StandingOrderStatuses), StandingOrderStatuses, allowEmpty: true);
        errors.CodeList(nameof(IgnoredAdministrationStatuses), IgnoredAdministrationStatuses, allowEmpty: true);
    }
}
