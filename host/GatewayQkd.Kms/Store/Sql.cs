using Microsoft.Data.Sqlite;

namespace GatewayQkd.Kms.Store;

/// <summary>Builds parameterised commands inside the store's current transaction (one place for the binding code).</summary>
internal static class Sql
{
    /// <summary>A command with positional parameters bound as $p0, $p1, ...</summary>
    public static SqliteCommand Command(SqliteTransaction transaction, string text, params object[] values)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters.AddWithValue("$p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), values[i]);
        }

        return command;
    }

    /// <summary>Runs a statement and returns the rows it changed.</summary>
    public static int Execute(SqliteTransaction transaction, string text, params object[] values)
    {
        using var command = Command(transaction, text, values);
        return command.ExecuteNonQuery();
    }
}
