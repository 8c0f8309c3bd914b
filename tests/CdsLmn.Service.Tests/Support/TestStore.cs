using Microsoft.Data.Sqlite;

namespace CdsLmn.Service.Tests.Support;

/// <summary>Temporary SQLite audit stores for tests.</summary>
internal static class TestStore
{
    public static string NewPath() => Path.Combine(Path.GetTempPath(), "cdslmn-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>A connection of its own to the store file (no pooling): to read it, or to hold its write lock.</summary>
    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>A scalar query against the store file (WAL is read as SQLite does after a crash).</summary>
    public static long Scalar(string path, string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(Query(path, sql, parameters), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A text query against the store file.</summary>
    public static string Text(string path, string sql, params (string Name, object Value)[] parameters) =>
        (string)Query(path, sql, parameters)!;

    private static object? Query(string path, string sql, (string Name, object Value)[] parameters)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command.ExecuteScalar();
    }

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
