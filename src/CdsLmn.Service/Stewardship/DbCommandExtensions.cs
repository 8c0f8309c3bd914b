using System.Data.Common;

namespace CdsLmn.Service.Stewardship;

/// <summary>Provider-neutral ADO.NET helpers: SQLite and Npgsql both take <c>@name</c> parameters.</summary>
internal static class DbCommandExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>Adds <c>@name</c> (null becomes SQL NULL) and returns the parameter, so a prepared command can be re-run with new values.</summary>
    public static DbParameter With(this DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>An integer column or aggregate, whatever width the provider returns it in.</summary>
    public static long Integer(this DbDataReader reader, int ordinal) =>
        Convert.ToInt64(reader.GetValue(ordinal), System.Globalization.CultureInfo.InvariantCulture);
}
