namespace CdsLmn.Service.CdsHooks.Models;

/// <summary>The CDS Hooks Coding data type (not FHIR's): code and system required, display required in override reasons.</summary>
internal sealed record CdsCoding
{
    /// <summary>REQUIRED.</summary>
    public required string Code { get; init; }

    /// <summary>REQUIRED.</summary>
    public required string System { get; init; }

    /// <summary>CONDITIONAL. Required in overrideReasons.</summary>
    public string? Display { get; init; }
}
