using System.Text.Json.Serialization;

namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>The answer to a valid feedback call: how many entries were read, how many were new (repeats are stored once), and how many named another service's card.</summary>
internal sealed record FeedbackReceipt
{
    /// <summary>REQUIRED. Entries in the request.</summary>
    public required int Received { get; init; }

    /// <summary>REQUIRED. Entries not seen before, now durably stored.</summary>
    public required int Stored { get; init; }

    /// <summary>Entries about a card another CDS service of this server issued: not stored. Omitted when 0.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Foreign { get; init; }
}
