namespace CdsLmn.Service.Stewardship;

/// <summary>Where the audit store and the <c>jti</c> replay record live.</summary>
internal enum StorageProvider
{
    /// <summary>An embedded SQLite file; the replay record stays in memory. One instance only.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database shared by every replica (cards, feedback, salt and replay record).</summary>
    Postgres,
}
