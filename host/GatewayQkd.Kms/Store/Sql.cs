using System.Data.Common;
using System.Globalization;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// Builds parameterised statements inside the store's current transaction (one place for the binding code). Commands
/// are created once per connection and statement text and reused with new parameter values, so a hot call does not
/// parse its SQL again on SQLite (Microsoft.Data.Sqlite keeps a command's prepared statements until its CommandText
/// changes). Parameters are @p0, @p1, ... (both Microsoft.Data.Sqlite and Npgsql bind @name). Reads go through
/// <see cref="Reader"/> and <see cref="Scalar"/>, writes whose row count is not needed through <see cref="Defer"/>, so
/// that on PostgreSQL a read and the writes before it share one round trip (<see cref="StoreTransaction"/>). Not
/// thread-safe on its own: the store runs one call at a time on its connection (<see cref="GroupCommit"/>).
/// </summary>
internal static class Sql
{
    /// <summary>
    /// The command for <paramref name="text"/>, bound to <paramref name="transaction"/> with positional parameters
    /// @p0, @p1, ...; owned by the connection: callers dispose only the readers they open, not the command. Statements
    /// go through <see cref="Reader"/>, <see cref="Scalar"/>, <see cref="Defer"/> and <see cref="Execute"/>, which keep
    /// held-back writes in order.
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
                parameter.ParameterName = Name(i);
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

    /// <summary>A statement of a <see cref="DbBatch"/> with its parameters bound (one object per statement: a batch holds each).</summary>
    public static DbBatchCommand BatchCommand(DbBatch batch, string text, object[] values)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = text;
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = Name(i);
            parameter.Value = Widened(values[i]);
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Runs a statement now and returns the rows it changed (held-back writes are sent first).</summary>
    public static int Execute(StoreTransaction transaction, string text, params object[] values)
    {
        transaction.Flush();
        transaction.CountRoundTrip();
        return Command(transaction, text, values).ExecuteNonQuery();
    }

    /// <summary>Runs a write whose row count is not needed, now or with the next read or commit (<see cref="StoreTransaction.Defer"/>).</summary>
    public static void Defer(StoreTransaction transaction, string text, params object[] values) => transaction.Defer(text, values);

    /// <summary>Runs a query (after the held-back writes, in the same round trip); the caller disposes the reader.</summary>
    public static DbDataReader Reader(StoreTransaction transaction, string text, params object[] values) => transaction.Read(text, values);

    /// <summary>The first column of the query's first row, or null when it returns no row (or SQL NULL).</summary>
    public static object? Scalar(StoreTransaction transaction, string text, params object[] values)
    {
        using var reader = Reader(transaction, text, values);
        return reader.Read() && !reader.IsDBNull(0) ? reader.GetValue(0) : null;
    }

    /// <summary>Reads an integer column as a long, whatever integer type the engine returns (SQLite int64, PostgreSQL int4 or int8).</summary>
    public static long Int64(DbDataReader reader, int column) => Convert.ToInt64(reader.GetValue(column), CultureInfo.InvariantCulture);

    private static string Name(int index) => "@p" + index.ToString(CultureInfo.InvariantCulture);

    // Npgsql maps no unsigned types to integer columns (node ids are ushort, stream offsets uint): widen to the signed type.
    private static object Widened(object value) => value switch
    {
        ushort u => (int)u,
        uint u => (long)u,
        _ => value,
    };
}
