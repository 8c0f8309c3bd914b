namespace CdsLmn.Clinical;

/// <summary>The decision-table match for one order: the row (0 = the optional "ambiguous indication" card) and what it shows.</summary>
internal readonly record struct TableMatch(int? Row, CardLevel Level)
{
    public static TableMatch NoCard { get; } = new(null, CardLevel.None);

    public bool ShowsCard => Level != CardLevel.None;

    /// <summary>Two matches are the same when neither shows a card, or both show the same row at the same level.</summary>
    public bool SameAs(TableMatch other) => (!ShowsCard && !other.ShowsCard) || this == other;
}
