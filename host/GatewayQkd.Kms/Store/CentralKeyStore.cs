using GatewayQkd.Core.Pool;
using Microsoft.Data.Sqlite;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// The central server's durable key store: for every key stream (gateway, peer) the blocks the HAP/CS generated, which
/// of them the gateway acknowledged, and which ranges were used or delivered. Every mutating call is one SQLite
/// transaction, committed (WAL, synchronous=FULL) before it returns; a refused call changes nothing. Thread-safe: one
/// connection behind a lock, so the emulator and the REST server can share one instance.
/// </summary>
/// <remarks>Used key bytes are overwritten with zeros in the same transaction that marks them used.</remarks>
public sealed partial class CentralKeyStore : IDisposable
{
    /// <summary>Largest block accepted, in bytes (1 MiB; a policy bound against oversized input).</summary>
    public const int MaxBlockBytes = 1 << 20;

    private const long StreamBytes = 1L << 32;

    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private bool _disposed;

    private CentralKeyStore(string filePath, SqliteConnection connection)
    {
        FilePath = filePath;
        _connection = connection;
    }

    /// <summary>Gets the SQLite file.</summary>
    public string FilePath { get; }

    /// <summary>Opens (or creates) the store in <paramref name="filePath"/>; a crashed run's WAL is recovered.</summary>
    public static CentralKeyStore Open(string filePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(filePath);
        var full = Path.GetFullPath(filePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        try
        {
            connection.Open();
            KeyStoreSchema.Apply(connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new KeyStoreException(KeyStoreError.InvalidFile,
                $"{full} cannot be opened as a central key store: {e.Message}");
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        return new CentralKeyStore(full, connection);
    }

    /// <summary>
    /// Appends a block of fresh key material to the stream gateway <paramref name="gatewayId"/> shares with
    /// <paramref name="peerId"/>; it gets the next block id and the offset where the previous block ended. Durable on return.
    /// </summary>
    /// <returns>The block as the gateway sees it (its <see cref="KeyBlock.PeerId"/> is <paramref name="peerId"/>).</returns>
    public KeyBlock AppendBlock(ushort gatewayId, ushort peerId, byte[] material)
    {
        ArgumentNullException.ThrowIfNull(material);
        var stream = KeyStreamId.Of(gatewayId, peerId);
        if (material.Length == 0 || material.Length > MaxBlockBytes)
        {
            throw new KeyStoreException(KeyStoreError.InvalidMaterial,
                $"A key block needs 1..{MaxBlockBytes} bytes of material, got {material.Length}.");
        }

        var copy = (byte[])material.Clone();
        return Write(transaction =>
        {
            var state = StreamRows.Load(transaction, stream);
            if (state.NextOffset + copy.Length > StreamBytes)
            {
                throw new KeyStoreException(KeyStoreError.InvalidMaterial,
                    $"Stream {stream} is full: a {copy.Length}-byte block would run past the 32-bit key stream.");
            }

            var block = new KeyBlock(peerId, (uint)state.NextBlock, (uint)state.NextOffset, copy);
            BlockRows.Insert(transaction, stream, state.NextBlock, state.NextOffset, copy);
            state.NextBlock++;
            state.NextOffset += copy.Length;
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
            var found = BlockRows.Find(transaction, stream, blockId) ?? throw new KeyStoreException(
                KeyStoreError.UnknownBlock, $"Stream {stream} has no block {blockId} to acknowledge.");
            if (found.Acknowledged)
            {
                return false;
            }

            BlockRows.SetAcknowledged(transaction, stream, blockId);
            var state = StreamRows.Load(transaction, stream);
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
            RequireUnused(transaction, id);
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
            RequireUnused(transaction, id);
            return TakeRange(transaction, id.Stream, id.Range.Offset, id.Range.Length, erase: true);
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

    /// <summary>The stream's counts (all zero for a stream never appended to).</summary>
    public KeyStreamCounts GetCounts(ushort gatewayId, ushort peerId)
    {
        var stream = KeyStreamId.Of(gatewayId, peerId);
        return Write(transaction => Counts(transaction, stream));
    }

    /// <summary>The counts of every stream that has blocks, ordered by gateway then peer.</summary>
    public IReadOnlyList<KeyStreamCounts> GetAllCounts() =>
        Write(transaction => StreamRows.All(transaction).Select(stream => Counts(transaction, stream)).ToList());

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _connection.Dispose();
            }
        }
    }

    private static KeyRange Required(KeyRange range)
    {
        ArgumentNullException.ThrowIfNull(range);
        return range;
    }

    private static KeyStreamCounts Counts(SqliteTransaction transaction, KeyStreamId stream)
    {
        var state = StreamRows.Load(transaction, stream);
        var available = state.AckedPrefixEnd - UsedSpans.UsedBelow(transaction, stream, state.AckedPrefixEnd);
        return new KeyStreamCounts(stream, state.NextBlock, state.AckedBlocks, state.NextOffset, state.AckedBytes,
            state.UsedBytes, available, state.AckedPrefixEnd);
    }

    // The acknowledged prefix grows while the block right after it is acknowledged (acks may arrive out of order).
    private static void AdvanceAcknowledgedPrefix(SqliteTransaction transaction, StreamState state)
    {
        while (BlockRows.Find(transaction, state.Stream, state.AckedPrefixBlocks) is { Acknowledged: true } next)
        {
            state.AckedPrefixBlocks++;
            state.AckedPrefixEnd += next.Length;
        }
    }

    private static void RequireUnused(SqliteTransaction transaction, GatewayKeyId id)
    {
        var state = StreamRows.Load(transaction, id.Stream);
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

    // Marks [offset, offset + length) used, counts it, and returns its bytes (erasing them when asked).
    private static byte[] TakeRange(SqliteTransaction transaction, KeyStreamId stream, long offset, int length, bool erase)
    {
        UsedSpans.Add(transaction, stream, offset, offset + length);
        var state = StreamRows.Load(transaction, stream);
        state.UsedBytes += length;
        StreamRows.Save(transaction, state);
        var key = BlockRows.Read(transaction, stream, offset, length);
        if (erase)
        {
            BlockRows.Erase(transaction, stream, offset, length);
        }

        return key;
    }

    private T Write<T>(Func<SqliteTransaction, T> work)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = _connection.BeginTransaction();
            var result = work(transaction);
            transaction.Commit();
            return result;
        }
    }
}
