using System.Data.Common;
using System.Globalization;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// Builds parameterised commands inside the store's current transaction (one place for the binding code). Commands
/// are created once per connection and statement text and reused with new parameter values, so a hot call does not
/// parse its SQL again on SQLite (Microsoft.Data.Sqlite keeps a command's prepared statements until its CommandText
/// changes). Parameters are @p0, @p1, ... (both Microsoft.Data.Sqlite and Npgsql bind @name). Not thread-safe on its
/// own: the store runs one call at a time on its connection (<see cref="GroupCommit"/>).
/// </summary>
internal static class Sql
{
    /// <summary>
    /// The command for <paramref name="text"/>, bound to <paramref name="transaction"/> with positional parameters
    /// @p0, @p1, ...; owned by the connection: callers dispose only the readers they open, not the command.
    /// </summary>
    public static DbCommand Command(StoreTransaction transaction, string text, params object[] values)
    {
        if (!transaction.Commands.TryGetValue(text, out var command))
        {
            command = transaction.Connection.CreateCommand();
            command.CommandText = text;
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
            }

            transaction.Commands.Add(text, command);
        }

        command.Transaction = transaction.Transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = Widened(values[i]);
        }

        return command;
    }

    /// <summary>Runs a statement and returns the rows it changed.</summary>
    public static int Execute(StoreTransaction transaction, string text, params object[] values) =>
        Command(transaction, text, values).ExecuteNonQuery();

    /// <summary>Reads an integer column as a long, whatever integer type the engine returns (SQLite int64, PostgreSQL int4 or int8).</summary>
    public static long Int64(DbDataReader reader, int column) => Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture);

    // Npgsql maps no unsigned types to integer columns (node ids are ushort, stream offsets uint): widen to the signed type.
    private static object Widened(object value) => value switch
    {
        ushort u => (int)u,
        uint u => (long)u,
        _ => value,
    };
}
