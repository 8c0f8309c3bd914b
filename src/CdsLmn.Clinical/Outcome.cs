namespace CdsLmn.Clinical;

/// <summary>The outcome for one order: a decision-table row (0 = the optional "ambiguous indication" card) and what it shows.</summary>
internal readonly record struct Outcome(int? Row, CardLevel Level)
{
    public static Outcome NoCard { get; } = new(null, CardLevel.None);

    public bool ShowsCard => Level != CardLevel.None;

    /// <summary>Two outcomes are the same when neither shows a card, or both show the same row at the same level.</summary>
    public bool SameAs(Outcome other) => (!ShowsCard && !other.ShowsCard) || this == other;
}
