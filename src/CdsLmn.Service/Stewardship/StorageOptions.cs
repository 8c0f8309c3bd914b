using System.ComponentModel.DataAnnotations;

namespace CdsLmn.Service.Stewardship;

/// <summary>The audit store, bound from <c>CdsLmn:Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "CdsLmn:Storage";

    /// <summary><c>CdsLmn:Storage:SqlitePath</c>: the SQLite file; relative paths are under the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string SqlitePath { get; set; } = Path.Combine("data", "cdslmn.db");

    /// <summary>
    /// <c>CdsLmn:Storage:PatientIdSalt</c>: the HMAC key for patient-id hashes. When absent, a random salt is
    /// made once and kept in the store, so hashes stay stable across restarts. Changing it breaks linkage.
    /// </summary>
    [MinLength(16)]
    public string? PatientIdSalt { get; set; }

    /// <summary><c>CdsLmn:Storage:QueueCapacity</c>: issued cards waiting for the writer; beyond it cards are dropped (and counted).</summary>
    [Range(16, 1_000_000)]
    public int QueueCapacity { get; set; } = 10_000;
}
