namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>The source of a card's guidance (docs/cds-hooks-spec.md §4.3).</summary>
internal sealed record CardSource
{
    /// <summary>REQUIRED. Short, human-readable.</summary>
    public required string Label { get; init; }

    /// <summary>OPTIONAL. Absolute URL about the source, not a card-specific drill-down.</summary>
    public Uri? Url { get; init; }

    /// <summary>OPTIONAL. Absolute URL of a 100×100 PNG.</summary>
    public Uri? Icon { get; init; }

    /// <summary>OPTIONAL. A high-level topic for filtering and ordering.</summary>
    public CdsCoding? Topic { get; init; }
}
