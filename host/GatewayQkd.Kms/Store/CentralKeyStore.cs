using System.Data.Common;
using GatewayQkd.Core.Pool;
using GatewayQkd.Kms.Cluster;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// The central server's durable key store: for every key stream (gateway, peer) the blocks the HAP/CS generated, which
/// of them the gateway acknowledged, and which ranges were used or delivered. On an SQLite file (one machine, the
/// default) or a PostgreSQL database (several workers on several machines), the same code and SQL on both
/// (<see cref="StoreDialect"/> holds the few differences). Every mutating call is committed (SQLite WAL with
/// synchronous=FULL; PostgreSQL synchronous_commit) before it returns; a refused call changes nothing. Thread-safe: one
/// connection, and calls that arrive while a commit is in progress share the next one (<see cref="GroupCommit"/>: one
/// fsync per batch, each call in its own savepoint), so the emulator and the REST server can share one instance.
/// Several instances may share one database (workers): a call that changes a stream, or reads key bytes, holds the
/// stream's row lock (PostgreSQL) or the database's write lock (SQLite) until its commit, so no two instances ever hand
/// out the same key range.
/// </summary>
/// <remarks>Used key bytes are overwritten with zeros in the same transaction that marks them used.</remarks>
public sealed partial class CentralKeyStore : IDisposable
{
    /// <summary>Largest block accepted, in bytes (1 MiB; a policy bound against oversized input).</summary>
    public const int MaxBlockBytes = 1 << 20;

    private const long StreamBytes = 1L << 32;

    private readonly GroupCommit _commits;

    private CentralKeyStore(DatabaseEngine engine, string? filePath, DbConnection connection, StoreDialect dialect)
    {
        Engine = engine;
        FilePath = filePath;
        _commits = new GroupCommit(connection, dialect);
    }

    /// <summary>Gets the database the store lives in.</summary>
    public DatabaseEngine Engine { get; }

    /// <summary>Gets the SQLite file (full path), or null when the store is on PostgreSQL.</summary>
    public string? FilePath { get; }

    /// <summary>Gets the transactions committed since open (concurrent calls share one: at most one per call).</summary>
    public long Commits => _commits.Commits;

    /// <summary>Gets the calls run since open (committed or refused).</summary>
    public long Calls => _commits.Calls;

    /// <summary>Gets the batches run again since open after the engine aborted them (PostgreSQL: a deadlock with another worker).</summary>
    public long Retries => _commits.Retries;

    /// <summary>
    /// Gets the statements and statement batches sent to the database since open, commits included (on PostgreSQL each
    /// is one network round trip; writes are sent together with the next read).
    /// </summary>
    public long RoundTrips => _commits.RoundTrips;

    /// <summary>Gets the calls since open that ran merged with others of their batch (concurrent enc_keys of one pair and key size).</summary>
    public long MergedCalls => _commits.MergedCalls;

    /// <summary>Gets the batches since open that were run again with a savepoint per call because one of their calls was refused.</summary>
    public long RefusalReruns => _commits.OptimisticFallbacks;

    /// <summary>Gets how many commit threads the store started (<see cref="GroupCommit"/>: one, kept, under steady load).</summary>
    internal long CommitThreadStarts => _commits.CommitterStarts;

    /// <summary>Gets how often a leading caller handed the queued calls to the commit thread.</summary>
    internal long CommitHandOffs => _commits.HandOffs;

    /// <summary>Sets how long the commit thread may idle before it exits (tests keep it for the whole test).</summary>
    internal TimeSpan CommitThreadIdle
    {
        set => _commits.CommitterIdle = value;
    }

    /// <summary>Sets what runs just before each commit with the batch's call count (tests make the commit fail there).</summary>
    internal Action<int>? BeforeCommit
    {
        set => _commits.BeforeCommit = value;
    }

    /// <summary>Opens (or creates) the store in the SQLite file <paramref name="filePath"/>; a crashed run's WAL is recovered.</summary>
    public static CentralKeyStore Open(string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        return Open(DatabaseEngine.Sqlite(filePath));
    }

    /// <summary>
    /// Opens (or creates) the store in <paramref name="engine"/>: an SQLite file (its folder is created; a crashed run's
    /// WAL is recovered) or a PostgreSQL database (the tables are created if missing; other workers may hold it open).
    /// </summary>
    /// <exception cref="KeyStoreException">
    /// <see cref="KeyStoreError.InvalidFile"/>: not a key store of this schema version, not a database, or unreachable.
    /// </exception>
    public static CentralKeyStore Open(DatabaseEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var filePath = engine.SqliteFile;
        if (filePath is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(filePath)!);
        }

        var dialect = StoreDialect.For(engine);
        DbConnection? connection = null;
        try
        {
            connection = engine.Open();
            KeyStoreSchema.Apply(connection, dialect);
        }
        catch (DbException e)
        {
            connection?.Dispose();
            throw new KeyStoreException(KeyStoreError.InvalidFile,
                $"{filePath ?? engine.ToString()} cannot be opened as a central key store: {e.Message}");
        }
        catch
        {
            connection?.Dispose();
            throw;
        }

        return new CentralKeyStore(engine, filePath, connection, dialect);
    }

    /// <summary>
    /// Appends a block of fresh key material to the stream gateway <paramref name="gatewayId"/> shares with
    /// <paramref name="peerId"/>; it gets the next block id and the offset where the previous block ended. Durable on return.
    /// </summary>
    /// <returns>The block as the gateway sees it (its <see cref="KeyBlock.PeerId"/> is <paramref name="peerId"/>).</returns>
    public KeyBlock AppendBlock(ushort gatewayId, ushort peerId, byte[] material) =>
        AppendBlock(gatewayId, peerId, material, KeyStreamUse.Sensors, acknowledged: false);

    /// <summary>
    /// Sets <paramref name="material"/> aside as the next block of the ETSI GS QKD 014 reservation of the pair (a
    /// stream of its own, never pushed to the gateway's pool, so sensor keys can never come from it). The block counts
    /// as acknowledged at once: the KMS holds it for both SAEs. Durable on return.
    /// </summary>
    public KeyBlock ReserveForEtsi014(ushort gatewayId, ushort peerId, byte[] material) =>
        AppendBlock(gatewayId, peerId, material, KeyStreamUse.Etsi014, acknowledged: true);

    private KeyBlock AppendBlock(ushort gatewayId, ushort peerId, byte[] material, KeyStreamUse use, bool acknowledged)
    {
        ArgumentNullException.ThrowIfNull(material);
        var stream = KeyStreamId.Of(gatewayId, peerId, use);
        if (material.Length == 0 || material.Length > MaxBlockBytes)
        {
            throw new KeyStoreException(KeyStoreError.InvalidMaterial,
                $"A key block needs 1..{MaxBlockBytes} bytes of material, got {material.Length}.");
        }

        var copy = (byte[])material.Clone();
        return Write(transaction =>
        {
            var state = StreamRows.Lock(transaction, stream);
            if (state.NextOffset + copy.Length > StreamBytes)
            {
                throw new KeyStoreException(KeyStoreError.InvalidMaterial,
                    $"Stream {stream} is full: a {copy.Length}-byte block would run past the 32-bit key stream.");
            }

            var block = new KeyBlock(peerId, (uint)state.NextBlock, (uint)state.NextOffset, copy);
            BlockRows.Insert(transaction, stream, state.NextBlock, state.NextOffset, copy);
            state.NextBlock++;
            state.NextOffset += copy.Length;
            if (acknowledged)
            {
                BlockRows.SetAcknowledged(transaction, stream, block.BlockId);
                state.AckedBlocks++;
                state.AckedBytes += copy.Length;
                AdvanceAcknowledgedPrefix(transaction, state);
            }

            StreamRows.Save(transaction, state);
            return block;
        });
    }

    /// <summary>Records that the gateway acknowledged (durably stored) a block.</summary>
    /// <returns>True when newly acknowledged, false when it already was (acknowledgements may be repeated).</returns>
    public bool MarkAcknowledged(ushort gatewayId, ushort peerId, uint blockId)
    {
        var stream = KeyStreamId.Of(gatewayId, peerId);
        return Write(transaction =>
        {
            var state = StreamRows.Lock(transaction, stream);
            var found = BlockRows.Find(transaction, stream, blockId) ?? throw new KeyStoreException(
                KeyStoreError.UnknownBlock, $"Stream {stream} has no block {blockId} to acknowledge.");
            if (found.Acknowledged)
            {
                return false;
            }

            BlockRows.SetAcknowledged(transaction, stream, blockId);
            state.AckedBlocks++;
            state.AckedBytes += found.Length;
            AdvanceAcknowledgedPrefix(transaction, state);
            StreamRows.Save(transaction, state);
            return true;
        });
    }

    /// <summary>Reads the bytes of an unused key range (does not mark it used: see <see cref="MarkUsed"/>).</summary>
    public byte[] GetKey(ushort gatewayId, KeyRange range)
    {
        var id = new GatewayKeyId(gatewayId, Required(range));
        return Write(transaction =>
        {
            // locked: another worker cannot use (and erase) the range between the check and the read
            RequireUnused(transaction, StreamRows.Lock(transaction, id.Stream), id);
            return BlockRows.Read(transaction, id.Stream, id.Range.Offset, id.Range.Length);
        });
    }

    /// <summary>
    /// Marks an unused key range used and erases its bytes. A second use, or any overlap with a used range, is refused
    /// with <see cref="KeyStoreError.AlreadyUsed"/> (a replay).
    /// </summary>
    public void MarkUsed(ushort gatewayId, KeyRange range) => ConsumeKey(gatewayId, range);

    /// <summary>Reads an unused key range, marks it used and erases it, atomically.</summary>
    public byte[] ConsumeKey(ushort gatewayId, KeyRange range)
    {
        var id = new GatewayKeyId(gatewayId, Required(range));
        return Write(transaction =>
        {
            var state = StreamRows.Lock(transaction, id.Stream);
            RequireUnused(transaction, state, id);
            var key = TakeRange(transaction, state, id.Range.Offset, id.Range.Length, erase: true);
            StreamRows.Save(transaction, state);
            return key;
        });
    }

    /// <summary>True when any byte of the range has been used or delivered.</summary>
    public bool IsUsed(ushort gatewayId, KeyRange range)
    {
        var id = new GatewayKeyId(gatewayId, Required(range));
        return Write(transaction => UsedSpans.Overlaps(transaction, id.Stream, id.Range.Offset, (long)id.Range.End));
    }

    /// <summary>The blocks the gateway has not acknowledged yet, in id order (to push again after a restart).</summary>
    public IReadOnlyList<KeyBlock> GetUnacknowledgedBlocks(ushort gatewayId, ushort peerId)
    {
        var stream = KeyStreamId.Of(gatewayId, peerId);
        return Write(transaction => BlockRows.Unacknowledged(transaction, stream, peerId));
    }

    /// <summary>
    /// The blocks with ids in [<paramref name="firstId"/>, <paramref name="endId"/>) whose bytes are all still unused,
    /// in id order (to send again what a gateway reports missing, docs/protocol.md s2.7). A block with any used or
    /// delivered byte is left out: it can never be sent again as it was, so the gateway writes it off.
    /// </summary>
    public IReadOnlyList<KeyBlock> GetIntactBlocks(ushort gatewayId, ushort peerId, uint firstId, uint endId)
    {
        var stream = KeyStreamId.Of(gatewayId, peerId);
        return Write(transaction => BlockRows.Between(transaction, stream, peerId, firstId, endId)
            .Where(b => !UsedSpans.Overlaps(transaction, stream, b.Offset, (long)b.Offset + b.Material.Length))
            .ToList());
    }

    /// <summary>The counts of the stream for <paramref name="use"/> (all zero for a stream never appended to).</summary>
    public KeyStreamCounts GetCounts(ushort gatewayId, ushort peerId, KeyStreamUse use = KeyStreamUse.Sensors)
    {
        var stream = KeyStreamId.Of(gatewayId, peerId, use);
        return Write(transaction => Counts(transaction, stream));
    }

    /// <summary>As <see cref="GetCounts"/>, without blocking a thread while an earlier commit runs.</summary>
    public Task<KeyStreamCounts> GetCountsAsync(ushort gatewayId, ushort peerId, KeyStreamUse use = KeyStreamUse.Sensors)
    {
        var stream = KeyStreamId.Of(gatewayId, peerId, use);
        return _commits.RunAsync(transaction => Counts(transaction, stream));
    }

    /// <summary>The counts of every stream that has blocks, ordered by gateway then peer.</summary>
    public IReadOnlyList<KeyStreamCounts> GetAllCounts() =>
        Write(transaction => StreamRows.All(transaction).Select(stream => Counts(transaction, stream)).ToList());

    /// <inheritdoc />
    public void Dispose() => _commits.Dispose();

    private static KeyRange Required(KeyRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return range;
    }

    private static KeyStreamCounts Counts(StoreTransaction transaction, KeyStreamId stream)
    {
        var state = StreamRows.Load(transaction, stream);
        var available = state.AckedPrefixEnd - UsedSpans.UsedBelow(transaction, stream, state.AckedPrefixEnd);
        return new KeyStreamCounts(stream, state.NextBlock, state.AckedBlocks, state.NextOffset, state.AckedBytes,
            state.UsedBytes, available, state.AckedPrefixEnd);
    }

    // The acknowledged prefix grows while the block right after it is acknowledged (acks may arrive out of order).
    private static void AdvanceAcknowledgedPrefix(StoreTransaction transaction, StreamState state)
    {
        while (BlockRows.Find(transaction, state.Stream, state.AckedPrefixBlocks) is { Acknowledged: true } next)
        {
            state.AckedPrefixBlocks++;
            state.AckedPrefixEnd += next.Length;
        }
    }

    private static void RequireUnused(StoreTransaction transaction, StreamState state, GatewayKeyId id)
    {
        if ((long)id.Range.End > state.NextOffset)
        {
            throw new KeyStoreException(KeyStoreError.NotGenerated,
                $"Key {id.Range} of gateway {id.GatewayId} reaches byte {id.Range.End}, but stream {id.Stream} holds " +
                $"only {state.NextOffset} bytes so far.");
        }

        if (UsedSpans.Overlaps(transaction, id.Stream, id.Range.Offset, (long)id.Range.End))
        {
            throw new KeyStoreException(KeyStoreError.AlreadyUsed,
                $"Key {id.Range} of gateway {id.GatewayId} overlaps key material already used or delivered (replay).");
        }
    }

    // Marks [offset, offset + length) used, counts it in state (the caller saves it), and returns its bytes (erased when asked).
    private static byte[] TakeRange(StoreTransaction transaction, StreamState state, long offset, int length, bool erase)
    {
        UsedSpans.Add(transaction, state.Stream, offset, offset + length);
        state.UsedBytes += length;
        return erase
            ? BlockRows.ReadAndErase(transaction, state.Stream, offset, length)
            : BlockRows.Read(transaction, state.Stream, offset, length);
    }

    private T Write<T>(Func<StoreTransaction, T> work) => _commits.Run(work);
}
