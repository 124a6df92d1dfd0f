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

    public override string BlockRowKey => "block_id";

    public override string SessionSetup => "SET synchronous_commit TO on;";

    public override string SchemaLock => $"SELECT pg_advisory_xact_lock({SchemaLockId});";

    public override bool BatchesStatements => true;

    public override void CopyBytes(StoreTransaction transaction, KeyStreamId stream, long rowKey, int from, byte[]? into, int at,
        int count, bool erase)
    {
        // substr and overlay count bytes from 1.
        if (into is not null)
        {
            var bytes = (byte[])Sql.Scalar(transaction,
                $"SELECT substr(material, @p4, @p5) FROM blocks WHERE {BlockRows.Stream} AND block_id = @p3;",
                stream.GatewayId, stream.PeerId, (int)stream.Use, rowKey, from + 1, count)!;
            bytes.CopyTo(into, at);
        }

        if (erase)
        {
            Sql.Defer(transaction,
                $"UPDATE blocks SET material = overlay(material PLACING @p6 FROM @p4 FOR @p5) WHERE {BlockRows.Stream} AND block_id = @p3;",
                stream.GatewayId, stream.PeerId, (int)stream.Use, rowKey, from + 1, count, new byte[count]);
        }
    }

    public override bool IsRetryable(Exception error) =>
        error is PostgresException { SqlState: var state } && Retryable.Contains(state);
}
