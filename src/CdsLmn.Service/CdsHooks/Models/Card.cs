using System.Text.Json.Nodes;

namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>A CDS Hooks card (docs/cds-hooks-spec.md §4.2).</summary>
internal sealed record Card
{
    /// <summary>The spec's limit is "&lt; 140 characters" (Inferno rejects 140).</summary>
    public const int MaxSummaryLength = 139;

    private readonly string _summary = "";

    /// <summary>OPTIONAL. A fresh UUID per card, so the client can send feedback about it.</summary>
    public string Uuid { get; init; } = Guid.NewGuid().ToString();

    /// <summary>REQUIRED. One sentence shorter than 140 characters.</summary>
    public required string Summary
    {
        get => _summary;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value);
            if (value.Length > MaxSummaryLength)
            {
                throw new ArgumentException($"A card summary must be shorter than 140 characters; this one has {value.Length}.", nameof(Summary));
            }
            _summary = value;
        }
    }

    /// <summary>OPTIONAL. GitHub-flavoured Markdown.</summary>
    public string? Detail { get; init; }

    /// <summary>REQUIRED. <c>info</c>, <c>warning</c> or <c>critical</c>.</summary>
    public required CardIndicator Indicator { get; init; }

    /// <summary>REQUIRED. The primary source of the guidance.</summary>
    public required CardSource Source { get; init; }

    /// <summary>OPTIONAL. Changes the clinician may accept; requires <see cref="SelectionBehavior"/>.</summary>
    public IReadOnlyList<Suggestion>? Suggestions { get; init; }

    /// <summary>CONDITIONAL. Present whenever <see cref="Suggestions"/> is.</summary>
    public SelectionBehavior? SelectionBehavior { get; init; }

    /// <summary>OPTIONAL. Reasons offered when the clinician overrides the card; each has a display.</summary>
    public IReadOnlyList<CdsCoding>? OverrideReasons { get; init; }

    /// <summary>OPTIONAL. Links to evidence or apps.</summary>
    public IReadOnlyList<CardLink>? Links { get; init; }

    /// <summary>OPTIONAL. Reverse-DNS-keyed, pre-coordinated members.</summary>
    public JsonObject? Extension { get; init; }
}
