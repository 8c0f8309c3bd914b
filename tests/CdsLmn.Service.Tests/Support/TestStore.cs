using Microsoft.Data.Sqlite;

namespace CdsLmn.Service.Tests.Support;

/// <summary>Temporary SQLite audit stores for tests.</summary>
internal static class TestStore
{
    public static string NewPath() => Path.Combine(Path.GetTempPath(), "cdslmn-tests", $"{Guid.NewGuid():N}.db");

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
