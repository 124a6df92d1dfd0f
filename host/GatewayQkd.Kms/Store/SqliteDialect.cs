using GatewayQkd.Kms.Cluster;
using Microsoft.Data.Sqlite;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// SQLite: WAL with synchronous=FULL (set by <see cref="DatabaseEngine.Open"/>; SQLite docs, "PRAGMA synchronous": in WAL
/// mode NORMAL may lose the last commits on power loss, FULL does not), and SQLite itself waits up to 5 s for another
/// process's write lock (busy_timeout) before Microsoft.Data.Sqlite's own retries; key bytes are read and erased in place with incremental BLOB I/O (a few pages instead of
/// the whole block). Writers are serialised by the database lock, so no row lock is needed.
/// </summary>
internal sealed class SqliteDialect(DatabaseEngine engine) : StoreDialect(engine)
{
    public override string WithoutRowId => " WITHOUT ROWID";

    public override string ForUpdate => string.Empty;

    public override string SessionSetup => "PRAGMA busy_timeout=5000;";

    public override string SchemaLock => string.Empty;

    public override byte[]? CopyRange(StoreTransaction transaction, KeyStreamId stream, long offset, int length, bool read, bool erase)
    {
        var key = read ? new byte[length] : null;
        foreach (var (rowId, blockOffset, blockLength) in BlockRows.Covering(transaction, stream, offset, length))
        {
            var from = Math.Max(offset, blockOffset);
            var count = (int)(Math.Min(offset + length, blockOffset + blockLength) - from);
            using var blob = new SqliteBlob((SqliteConnection)transaction.Connection, "blocks", "material", rowId, readOnly: !erase);
            if (key is not null)
            {
                blob.Position = from - blockOffset;
                blob.ReadExactly(key, (int)(from - offset), count);
            }

            if (erase)
            {
                blob.Position = from - blockOffset;
                blob.Write(new byte[count]);
            }
        }

        return key;
    }

    // BEGIN IMMEDIATE waits for the write lock up front, so two writers never deadlock on an upgrade.
    public override bool IsRetryable(Exception error) => false;
}
