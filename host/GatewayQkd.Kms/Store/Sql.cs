using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// Builds parameterised commands inside the store's current transaction (one place for the binding code). Commands
/// are prepared once per connection and statement text and reused with new parameter values, so a hot call does not
/// parse its SQL again (Microsoft.Data.Sqlite keeps a command's prepared statements until its CommandText changes).
/// Not thread-safe on its own: the store runs one call at a time on its connection (<see cref="GroupCommit"/>).
/// </summary>
internal static class Sql
{
    private static readonly ConditionalWeakTable<SqliteConnection, Dictionary<string, SqliteCommand>> Prepared = new();

    /// <summary>
    /// The prepared command for <paramref name="text"/>, bound to <paramref name="transaction"/> with positional
    /// parameters $p0, $p1, ...; owned by the connection: callers dispose only the readers they open, not the command.
    /// </summary>
    public static SqliteCommand Command(SqliteTransaction transaction, string text, params object[] values)
    {
        var connection = transaction.Connection!;
        var cache = Prepared.GetValue(connection, _ => new Dictionary<string, SqliteCommand>(StringComparer.Ordinal));
        if (!cache.TryGetValue(text, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = text;
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters.Add(new SqliteParameter("$p" + i.ToString(CultureInfo.InvariantCulture), null));
            }

            cache.Add(text, command);
        }

        command.Transaction = transaction;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command;
    }

    /// <summary>Runs a statement and returns the rows it changed.</summary>
    public static int Execute(SqliteTransaction transaction, string text, params object[] values) =>
        Command(transaction, text, values).ExecuteNonQuery();
}
