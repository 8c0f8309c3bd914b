namespace CdsLmn.Clinical;

/// <summary>
/// The card level of each row of docs/clinical-evidence.md §5.3 (defaults: warning for rows 3–7, info otherwise, none where the
/// table says none). The row logic itself is fixed; only what each row shows is configurable.
/// </summary>
public sealed class DecisionTableOptions
{
    // docs/clinical-evidence.md §5.3 row 1: CB present → "none (optional info)".
    public CardLevel Row1 { get; set; } = CardLevel.None;

    // docs/clinical-evidence.md §5.3 indicator policy: "warning for rows 3–7 and info for the rest".
    public CardLevel Row2 { get; set; } = CardLevel.Info;
    public CardLevel Row3 { get; set; } = CardLevel.Warning;
    public CardLevel Row4 { get; set; } = CardLevel.Warning;
    public CardLevel Row5 { get; set; } = CardLevel.Warning;
    public CardLevel Row6 { get; set; } = CardLevel.Warning;

    // docs/clinical-evidence.md §5.3 row 6: "(PENDING: info)".
    public CardLevel Row6Gm1Pending { get; set; } = CardLevel.Info;

    // docs/clinical-evidence.md §5.3 indicator policy (rows 7–10 as above).
    public CardLevel Row7 { get; set; } = CardLevel.Warning;
    public CardLevel Row8 { get; set; } = CardLevel.Info;
    public CardLevel Row9 { get; set; } = CardLevel.Info;
    public CardLevel Row10 { get; set; } = CardLevel.Info;

    // docs/clinical-evidence.md §5.3 row 10: "none if MMN/CIDP is coded".
    public CardLevel Row10MmnOrCidpCoded { get; set; } = CardLevel.None;

    // docs/fhir-inputs.md §5: with CK above CreatineKinase:MyopathicMimicMultiple × the upper limit, rows 3–4 become info
    // (a myopathic mimic such as necrotising myopathy or inclusion-body myositis may make IVIg appropriate).
    public CardLevel Row3Or4VeryHighCk { get; set; } = CardLevel.Info;

    internal CardLevel Level(int row, bool variant) => row switch
    {
        1 => Row1,
        2 => Row2,
        3 => Row3,
        4 => Row4,
        5 => Row5,
        6 => variant ? Row6Gm1Pending : Row6,
        7 => Row7,
        8 => Row8,
        9 => Row9,
        10 => variant ? Row10MmnOrCidpCoded : Row10,
        _ => throw new ArgumentOutOfRangeException(nameof(row), row, "The decision table has rows 1–10."),
    };

    internal void Validate(OptionsErrors errors)
    {
        foreach (var (name, level) in new[]
        {
            (nameof(Row1), Row1), (nameof(Row2), Row2), (nameof(Row3), Row3), (nameof(Row4), Row4), (nameof(Row5), Row5),
            (nameof(Row6), Row6), (nameof(Row6Gm1Pending), Row6Gm1Pending), (nameof(Row7), Row7), (nameof(Row8), Row8),
            (nameof(Row9), Row9), (nameof(Row10), Row10), (nameof(Row10MmnOrCidpCoded), Row10MmnOrCidpCoded),
            (nameof(Row3Or4VeryHighCk), Row3Or4VeryHighCk),
        })
        {
            if (!Enum.IsDefined(level))
            {
                errors.Add(name, "must be None, Info or Warning");
            }
        }
    }
}
