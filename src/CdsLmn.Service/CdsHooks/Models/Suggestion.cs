namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>A suggested change (docs/cds-hooks-spec.md §4.4); its actions are applied together.</summary>
internal sealed record Suggestion
{
    /// <summary>REQUIRED. Button text.</summary>
    public required string Label { get; init; }

    /// <summary>OPTIONAL. A fresh UUID, echoed back in feedback's acceptedSuggestions.</summary>
    public string Uuid { get; init; } = Guid.NewGuid().ToString();

    /// <summary>OPTIONAL. Marks a preferred suggestion.</summary>
    public bool? IsRecommended { get; init; }

    /// <summary>OPTIONAL. Never empty when present.</summary>
    public IReadOnlyList<CdsAction>? Actions { get; init; }
}
