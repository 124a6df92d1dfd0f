using GatewayQkd.Core.Pool;

namespace GatewayQkd.Kms.Store;

/// <summary>Reads and writes the blocks table: block rows, acknowledgement flags, and key bytes over a stream range.</summary>
internal static class BlockRows
{
    /// <summary>The condition selecting one stream's rows (parameters @p0..@p2).</summary>
    public const string Stream = "gateway = @p0 AND peer = @p1 AND stream_use = @p2";

    /// <summary>The condition selecting the blocks of one stream (@p0..@p2) holding bytes [@p4, @p3).</summary>
    public const string Covered = $"{Stream} AND \"offset\" < @p3 AND \"offset\" >= " +
        $"(SELECT MAX(\"offset\") FROM blocks WHERE {Stream} AND \"offset\" <= @p4)";

    /// <summary>Inserts a block row.</summary>
    public static void Insert(StoreTransaction transaction, KeyStreamId stream, long blockId, long offset, byte[] material)
    {
        Sql.Defer(transaction,
            "INSERT INTO blocks(gateway, peer, stream_use, block_id, \"offset\", length, acknowledged, material) " +
            "VALUES(@p0, @p1, @p2, @p3, @p4, @p5, 0, @p6);",
            stream.GatewayId, stream.PeerId, (int)stream.Use, blockId, offset, material.Length, material);
    }

    /// <summary>The block's length and acknowledgement flag, or null when the block does not exist.</summary>
    public static (long Length, bool Acknowledged)? Find(StoreTransaction transaction, KeyStreamId stream, long blockId)
    {
        using var reader = Sql.Reader(transaction, $"SELECT length, acknowledged FROM blocks WHERE {Stream} AND block_id = @p3;",
            stream.GatewayId, stream.PeerId, (int)stream.Use, blockId);
        return reader.Read() ? (Sql.Int64(reader, 0), Sql.Int64(reader, 1) != 0) : null;
    }

    /// <summary>Sets the block's acknowledgement flag.</summary>
    public static void SetAcknowledged(StoreTransaction transaction, KeyStreamId stream, long blockId)
    {
        Sql.Defer(transaction, $"UPDATE blocks SET acknowledged = 1 WHERE {Stream} AND block_id = @p3;",
            stream.GatewayId, stream.PeerId, (int)stream.Use, blockId);
    }

    /// <summary>Blocks not acknowledged yet, in id order (for re-pushing after a restart).</summary>
    public static IReadOnlyList<KeyBlock> Unacknowledged(StoreTransaction transaction, KeyStreamId stream, ushort peerView) =>
        Select(transaction, peerView, $"SELECT block_id, \"offset\", material FROM blocks WHERE {Stream} AND acknowledged = 0 ORDER BY block_id;",
            stream.GatewayId, stream.PeerId, (int)stream.Use);

    /// <summary>Blocks with ids in [<paramref name="firstId"/>, <paramref name="endId"/>), in id order, acknowledged or not.</summary>
    public static IReadOnlyList<KeyBlock> Between(StoreTransaction transaction, KeyStreamId stream, ushort peerView, long firstId, long endId) =>
        Select(transaction, peerView,
            $"SELECT block_id, \"offset\", material FROM blocks WHERE {Stream} AND block_id >= @p3 AND block_id < @p4 ORDER BY block_id;",
            stream.GatewayId, stream.PeerId, (int)stream.Use, firstId, endId);

    private static List<KeyBlock> Select(StoreTransaction transaction, ushort peerView, string query, params object[] parameters)
    {
        using var reader = Sql.Reader(transaction, query, parameters);
        var blocks = new List<KeyBlock>();
        while (reader.Read())
        {
            blocks.Add(new KeyBlock(peerView, (uint)Sql.Int64(reader, 0), (uint)Sql.Int64(reader, 1), (byte[])reader[2]));
        }

        return blocks;
    }

    /// <summary>Copies the stream bytes [offset, offset + length) out of the blocks holding them.</summary>
    public static byte[] Read(StoreTransaction transaction, KeyStreamId stream, long offset, int length) =>
        Copy(transaction, stream, offset, length, read: true, erase: false)!;

    /// <summary>Copies the stream bytes [offset, offset + length) out and overwrites them with zeros (used key is erased).</summary>
    public static byte[] ReadAndErase(StoreTransaction transaction, KeyStreamId stream, long offset, int length) =>
        Copy(transaction, stream, offset, length, read: true, erase: true)!;

    /// <summary>Overwrites the stream bytes [offset, offset + length) with zeros: used key material is erased.</summary>
    public static void Erase(StoreTransaction transaction, KeyStreamId stream, long offset, int length) =>
        Copy(transaction, stream, offset, length, read: false, erase: true);

    private static byte[]? Copy(StoreTransaction transaction, KeyStreamId stream, long offset, int length, bool read, bool erase) =>
        transaction.Dialect.CopyRange(transaction, stream, offset, length, read, erase);

    /// <summary>
    /// The SQLite rowid, offset and length of the blocks holding [offset, offset + length): blocks are contiguous, so the
    /// block holding its first byte and those after it (<see cref="Covered"/> is the condition).
    /// </summary>
    public static List<(long RowId, long Offset, long Length)> Covering(
        StoreTransaction transaction, KeyStreamId stream, long offset, int length)
    {
        using var reader = Sql.Reader(transaction,
            $"SELECT rowid, \"offset\", length FROM blocks WHERE {Covered} ORDER BY \"offset\";",
            stream.GatewayId, stream.PeerId, (int)stream.Use, offset + length, offset);
        var rows = new List<(long, long, long)>(1);
        while (reader.Read())
        {
            rows.Add((Sql.Int64(reader, 0), Sql.Int64(reader, 1), Sql.Int64(reader, 2)));
        }

        return rows;
    }
}
