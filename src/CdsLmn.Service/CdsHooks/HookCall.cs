using System.Text.Json;
using CdsLmn.Service.CdsHooks.Models;

namespace CdsLmn.Service.CdsHooks;

/// <summary>A validated hook request: the wire request plus the context fields both order hooks share.</summary>
internal sealed record HookCall
{
    public required CdsService Service { get; init; }

    public required CdsRequest Request { get; init; }

    public required HookKind Kind { get; init; }

    public required string PatientId { get; init; }

    public required string UserId { get; init; }

    public string? EncounterId { get; init; }

    /// <summary>order-select: the selected orders (<c>Type/id</c>); order-sign: null, every draft order is in scope.</summary>
    public IReadOnlyList<string>? Selections { get; init; }

    /// <summary>The authenticated CDS client's <c>iss</c> and <c>tenant</c>; null when authentication is disabled.</summary>
    public string? ClientIssuer { get; init; }

    public string? Tenant { get; init; }

    /// <summary>The draftOrders Bundle, still JSON: Evidence/ parses it.</summary>
    public required JsonElement DraftOrders { get; init; }
}
