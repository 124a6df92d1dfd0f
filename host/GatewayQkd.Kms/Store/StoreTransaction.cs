using System.Data.Common;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// The transaction a batch of store calls runs in, with the engine's <see cref="StoreDialect"/> and the connection's
/// prepared commands (<see cref="Sql"/>). One at a time per connection (<see cref="GroupCommit"/>).
/// </summary>
/// <remarks>
/// On an engine in another process (<see cref="StoreDialect.BatchesStatements"/>: PostgreSQL) writes whose row count no
/// call needs are held back (<see cref="Defer"/>) and sent together with the next read, in one round trip
/// (<see cref="DbBatch"/>: Npgsql sends a batch's statements in one write and its reader skips the statements that return
/// no rows, npgsql/npgsql src/Npgsql/NpgsqlDataReader.cs, NextResult: "Statement did not generate a resultset (e.g.
/// INSERT) ... move on to the next statement"), or with the commit. Held-back writes run in order before anything read
/// after them, so every read sees the transaction's own writes exactly as if they had run at once.
/// </remarks>
internal sealed class StoreTransaction(DbTransaction transaction, StoreDialect dialect, Dictionary<string, DbCommand> commands)
{
    private DbBatch? _pending;
    private DbBatch? _reading;

    public DbTransaction Transaction { get; } = transaction;

    public DbConnection Connection { get; } = transaction.Connection!;

    public StoreDialect Dialect { get; } = dialect;

    /// <summary>Gets the connection's commands by statement text, reused from one transaction to the next.</summary>
    public Dictionary<string, DbCommand> Commands { get; } = commands;

    /// <summary>Gets the statements sent so far in this transaction (one round trip each on PostgreSQL, batches counted once).</summary>
    public int RoundTrips { get; private set; }

    /// <summary>Runs a write now, or (<see cref="StoreDialect.BatchesStatements"/>) with the next read or the commit.</summary>
    public void Defer(string text, object[] values)
    {
        if (!Dialect.BatchesStatements)
        {
            Sql.Command(this, text, values).ExecuteNonQuery();
            return;
        }

        _pending ??= NewBatch();
        _pending.BatchCommands.Add(Sql.BatchCommand(_pending, text, values));
    }

    /// <summary>Runs a query after the held-back writes, in the same round trip; the caller disposes the reader.</summary>
    public DbDataReader Read(string text, object[] values)
    {
        DisposeReading();
        if (_pending is null)
        {
            RoundTrips++;
            return Sql.Command(this, text, values).ExecuteReader();
        }

        _reading = _pending;
        _pending = null;
        _reading.BatchCommands.Add(Sql.BatchCommand(_reading, text, values));
        RoundTrips++;
        return _reading.ExecuteReader();
    }

    /// <summary>Runs the held-back writes now (before a statement that must see them, and before the commit).</summary>
    public void Flush()
    {
        DisposeReading();
        if (_pending is null)
        {
            return;
        }

        using var batch = _pending;
        _pending = null;
        RoundTrips++;
        batch.ExecuteNonQuery();
    }

    /// <summary>Drops the held-back writes (the transaction, or the call's savepoint, is being rolled back).</summary>
    public void DiscardPending()
    {
        DisposeReading();
        _pending?.Dispose();
        _pending = null;
    }

    /// <summary>Counts a statement run directly on a prepared command.</summary>
    public void CountRoundTrip() => RoundTrips++;

    private DbBatch NewBatch()
    {
        var batch = Connection.CreateBatch();
        batch.Transaction = Transaction;
        return batch;
    }

    private void DisposeReading()
    {
        _reading?.Dispose();
        _reading = null;
    }
}
