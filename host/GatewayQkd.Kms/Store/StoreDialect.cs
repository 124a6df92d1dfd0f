using GatewayQkd.Kms.Cluster;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// What the key store's SQL needs to differ between engines, and nothing else: the store's statements are one text for
/// SQLite and PostgreSQL with these pieces filled in. The rest of the difference is in the engines' own behaviour: SQLite
/// runs one writer at a time (Microsoft.Data.Sqlite's BeginTransaction() issues BEGIN IMMEDIATE, dotnet/efcore
/// src/Microsoft.Data.Sqlite.Core/SqliteTransaction.cs, the constructor), so a stream row read in a transaction cannot
/// change before it commits; PostgreSQL runs writers side by side under READ COMMITTED, so a call that changes a stream
/// first locks its row (<see cref="ForUpdate"/>), and two workers' calls on one stream take turns.
/// </summary>
internal abstract class StoreDialect
{
    protected StoreDialect(DatabaseEngine engine) => BlobType = engine.BlobType;

    /// <summary>Gets the column type of byte strings.</summary>
    public string BlobType { get; }

    /// <summary>Gets what follows the CREATE TABLE of a table looked up only by its primary key.</summary>
    public abstract string WithoutRowId { get; }

    /// <summary>Gets what follows the SELECT of a stream row the transaction goes on to change (a row lock, or nothing).</summary>
    public abstract string ForUpdate { get; }

    /// <summary>Gets the statements run once on every new connection (durability settings).</summary>
    public abstract string SessionSetup { get; }

    /// <summary>Gets a statement that makes schema creation wait for another worker creating it (or an empty string).</summary>
    public abstract string SchemaLock { get; }

    /// <summary>
    /// Gets whether writes are held back and sent with the next read (<see cref="StoreTransaction"/>): worth it when
    /// every statement is a network round trip (PostgreSQL), not for an engine inside the process (SQLite).
    /// </summary>
    public virtual bool BatchesStatements => false;

    /// <summary>Returns the dialect of <paramref name="engine"/>.</summary>
    public static StoreDialect For(DatabaseEngine engine) =>
        engine.Kind == DatabaseKind.Sqlite ? new SqliteDialect(engine) : new PostgresDialect(engine);

    /// <summary>
    /// Copies the stream bytes [<paramref name="offset"/>, <paramref name="offset"/> + <paramref name="length"/>) out of
    /// the blocks holding them (when <paramref name="read"/>; else returns null), and overwrites them with zeros when
    /// <paramref name="erase"/> is set. Blocks are contiguous, so the range lies in the block holding its first byte and
    /// those after it.
    /// </summary>
    public abstract byte[]? CopyRange(StoreTransaction transaction, KeyStreamId stream, long offset, int length, bool read, bool erase);

    /// <summary>
    /// True when <paramref name="error"/> aborted the whole transaction through no fault of its calls (a deadlock between
    /// two workers' batches): the batch is rolled back and run again.
    /// </summary>
    public abstract bool IsRetryable(Exception error);
}
