namespace CdsLmn.Clinical;

/// <summary>
/// docs/clinical-evidence.md §5.3, LMN context only: row 10 (ongoing IVIg) first, then the first matching row of 1–9.
/// <code>
/// #  | CB                  | GM1-IgM                 | CK               | default card
/// 1  | PRESENT             | any                     | any              | none
/// 2  | ABSENT              | HIGH                    | any              | info
/// 3  | ABSENT              | NEGATIVE / POSITIVE_LOW | ELEVATED         | warning
/// 4  | ABSENT              | NEGATIVE / POSITIVE_LOW | NORMAL / UNKNOWN | warning
/// 5  | ABSENT              | EQUIVOCAL               | any              | warning
/// 6  | ABSENT              | NOT_TESTED / PENDING    | any              | warning (PENDING: info)
/// 7  | NOT_TESTED          | not HIGH                | any              | warning
/// 8  | NOT_TESTED          | HIGH                    | any              | info
/// 9  | PENDING / EQUIVOCAL | any                     | any              | info
/// 10 | ongoing IVIg        | any                     | any              | info (none if MMN/CIDP coded)
/// </code>
/// </summary>
internal static class DecisionTable
{
    public static int Row(ConductionBlockState cb, AntiGm1State gm1, CreatineKinaseState ck) => (cb, gm1, ck) switch
    {
        (ConductionBlockState.Present, _, _) => 1,
        (ConductionBlockState.Absent, AntiGm1State.High, _) => 2,
        (ConductionBlockState.Absent, AntiGm1State.Negative or AntiGm1State.PositiveLow, CreatineKinaseState.Elevated) => 3,
        (ConductionBlockState.Absent, AntiGm1State.Negative or AntiGm1State.PositiveLow, _) => 4,
        (ConductionBlockState.Absent, AntiGm1State.Equivocal, _) => 5,
        (ConductionBlockState.Absent, AntiGm1State.NotTested or AntiGm1State.Pending, _) => 6,
        (ConductionBlockState.NotTested, not AntiGm1State.High, _) => 7,
        (ConductionBlockState.NotTested, AntiGm1State.High, _) => 8,
        (ConductionBlockState.Pending or ConductionBlockState.Equivocal, _, _) => 9,
        _ => throw new ArgumentOutOfRangeException(nameof(cb), cb, "Unhandled conduction block state."),
    };

    public static TableMatch Decide(DecisionInputs inputs, ClinicalOptions options)
    {
        // docs/clinical-evidence.md §5.1: exits with no card.
        if (!inputs.IsIvig || inputs.Paediatric)
        {
            return TableMatch.NoCard;
        }

        switch (inputs.Indication)
        {
            case IndicationKind.OtherIndication:
                return inputs.LmnAlsoCoded && options.Indications.AmbiguousIndicationInfoCard ? new TableMatch(0, CardLevel.Info) : TableMatch.NoCard;
            case IndicationKind.Lmn:
                break;
            default:
                return TableMatch.NoCard;
        }

        if (inputs.OngoingIvig)
        {
            return new TableMatch(10, options.DecisionTable.Level(10, variant: inputs.MmnOrCidpCoded));
        }

        var row = Row(inputs.ConductionBlock, inputs.AntiGm1IgM, inputs.CreatineKinase);
        if (row is 3 or 4 && inputs.CkVeryHigh && inputs.CreatineKinase == CreatineKinaseState.Elevated)
        {
            return new TableMatch(row, options.DecisionTable.Row3Or4VeryHighCk);
        }

        return new TableMatch(row, options.DecisionTable.Level(row, variant: row == 6 && inputs.AntiGm1IgM == AntiGm1State.Pending));
    }
}
