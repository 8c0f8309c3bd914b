namespace CdsLmn.Service.Stewardship;

/// <summary>A suggestion on an issued card: its <c>uuid</c> (echoed in <c>acceptedSuggestions[].id</c>) and its label.</summary>
internal sealed record IssuedSuggestion(string Uuid, string Label);
