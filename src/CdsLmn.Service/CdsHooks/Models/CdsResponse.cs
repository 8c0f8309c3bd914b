namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>A CDS Hooks response (docs/cds-hooks-spec.md §4.1). <c>cards</c> is written even when empty.</summary>
internal sealed record CdsResponse
{
    public static CdsResponse Silent { get; } = new() { Cards = [] };

    /// <summary>REQUIRED. The cards to show; empty means "no advice".</summary>
    public required IReadOnlyList<Card> Cards { get; init; }

    /// <summary>OPTIONAL. Actions for the client to apply without showing a card; omitted when empty.</summary>
    public IReadOnlyList<CdsAction>? SystemActions { get; init; }
}
