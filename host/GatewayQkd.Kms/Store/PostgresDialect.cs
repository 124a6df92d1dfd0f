using GatewayQkd.Kms.Cluster;
using Npgsql;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// PostgreSQL: every session asks for synchronous commits (a commit returns once its WAL is flushed; PostgreSQL docs,
/// "synchronous_commit"; the server must run with fsync on, its default), a call that changes a stream locks the stream's
/// row first (SELECT ... FOR UPDATE: under READ COMMITTED a second worker's lock waits until the first commits, then reads
/// the committed row; PostgreSQL docs, "Transaction Isolation", Read Committed), and key bytes are read with substr and
/// erased with overlay on the bytea column.
/// </summary>
internal sealed class PostgresDialect(DatabaseEngine engine) : StoreDialect(engine)
{
    // SQLSTATE 40P01 deadlock_detected: two workers' batches locked two streams in opposite orders and the server aborted
    // one transaction (PostgreSQL docs, "Explicit Locking", Deadlocks); 40001 serialization_failure likewise.
    private static readonly string[] Retryable = [PostgresErrorCodes.DeadlockDetected, PostgresErrorCodes.SerializationFailure];

    // An arbitrary constant naming the key store's schema lock (pg_advisory_xact_lock takes a bigint; freed at commit).
    private const long SchemaLockId = 0x47514B44_4B530001; // "GQKDKS" 1

    public override string WithoutRowId => string.Empty;

    public override string ForUpdate => " FOR UPDATE";

    public override string SessionSetup => "SET synchronous_commit TO on;";

    public override string SchemaLock => $"SELECT pg_advisory_xact_lock({SchemaLockId});";

    public override bool BatchesStatements => true;

    // One query reads the range's part of every block holding it, one UPDATE (held back, sent with the next statement)
    // zeroes those parts: no statement per block. substr and overlay count bytes from 1; a block's part is
    // [GREATEST(start, offset), LEAST(end, offset + length)).
    private const string Part = "GREATEST(@p4 - \"offset\", 0)::int + 1";
    private const string PartLength = "(LEAST(@p3, \"offset\" + length) - GREATEST(@p4, \"offset\"))::int";

    public override byte[]? CopyRange(StoreTransaction transaction, KeyStreamId stream, long offset, int length, bool read, bool erase)
    {
        object[] values = [stream.GatewayId, stream.PeerId, (int)stream.Use, offset + length, offset];
        byte[]? key = null;
        if (read)
        {
            key = new byte[length];
            using var reader = Sql.Reader(transaction,
                $"SELECT \"offset\", substr(material, {Part}, {PartLength}) FROM blocks WHERE {BlockRows.Covered} ORDER BY \"offset\";",
                values);
            while (reader.Read())
            {
                var part = (byte[])reader.GetValue(1);
                part.CopyTo(key, (int)(Math.Max(offset, Sql.Int64(reader, 0)) - offset));
            }
        }

        if (erase)
        {
            Sql.Defer(transaction,
                $"UPDATE blocks SET material = overlay(material PLACING decode(repeat('00', {PartLength}), 'hex') FROM {Part}) " +
                $"WHERE {BlockRows.Covered};",
                values);
        }

        return key;
    }

    public override bool IsRetryable(Exception error) =>
        error is PostgresException { SqlState: var state } && Retryable.Contains(state);
}
