using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace CdsLmn.Service.Stewardship;

/// <summary>The audit store, bound from <c>CdsLmn:Storage</c> (and <c>ConnectionStrings:CdsLmn</c>).</summary>
internal sealed class StorageOptions
{
    public const string Section = "CdsLmn:Storage";

    /// <summary>The configuration key of the PostgreSQL connection string.</summary>
    public const string ConnectionStringKey = "ConnectionStrings:CdsLmn";

    /// <summary><c>CdsLmn:Storage:Provider</c>: <c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    [EnumDataType(typeof(StorageProvider))]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary><c>ConnectionStrings:CdsLmn</c>, required when <see cref="Provider"/> is Postgres (checked by <see cref="StorageOptionsValidator"/>).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Whether <paramref name="services"/> run on the PostgreSQL store shared by replicas. Read when services are
    /// resolved, not at registration, so configuration a test host adds applies too.
    /// </summary>
    public static bool UsesPostgres(IServiceProvider services) =>
        services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres;

    /// <summary><c>CdsLmn:Storage:RetentionDays</c>: issued cards and feedback older than this are deleted (daily purge).</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 730;

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
