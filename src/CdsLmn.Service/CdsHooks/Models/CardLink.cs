namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>A link on a card (docs/cds-hooks-spec.md §4.6).</summary>
internal sealed record CardLink
{
    /// <summary>REQUIRED.</summary>
    public required string Label { get; init; }

    /// <summary>REQUIRED. Absolute URL.</summary>
    public required Uri Url { get; init; }

    /// <summary>REQUIRED. <c>absolute</c> or <c>smart</c>.</summary>
    public required LinkType Type { get; init; }

    /// <summary>OPTIONAL. Only on <c>smart</c> links.</summary>
    public string? AppContext { get; init; }
}
