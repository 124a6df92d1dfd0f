namespace GatewayQkd.Kms.Store;

/// <summary>Reads and writes the streams table.</summary>
internal static class StreamRows
{
    private const string Columns = "next_block, next_offset, acked_blocks, acked_bytes, acked_prefix_blocks, acked_prefix_end, used_bytes";
    private const string Select = $"SELECT {Columns} FROM streams WHERE {BlockRows.Stream}";

    /// <summary>The stream's counters; a stream never appended to reads as all zeros (and is not inserted).</summary>
    public static StreamState Load(StoreTransaction transaction, KeyStreamId stream) =>
        Read(transaction, stream, Select + ";") ?? new StreamState(stream);

    /// <summary>
    /// The stream's counters for a call that goes on to change the stream (or must read its bytes unchanged): its row is
    /// locked until the transaction ends (PostgreSQL; SQLite's write lock already covers it), and created with zero
    /// counters when missing so that there is a row to lock; a refused call rolls that back with the rest of its changes.
    /// </summary>
    public static StreamState Lock(StoreTransaction transaction, KeyStreamId stream)
    {
        var locking = Select + transaction.Dialect.ForUpdate + ";";
        if (Read(transaction, stream, locking) is { } state)
        {
            return state;
        }

        // Another worker may insert the row at the same moment: ON CONFLICT DO NOTHING waits for its commit, then the
        // locking read below sees its row.
        Sql.Defer(transaction,
            $"INSERT INTO streams(gateway, peer, stream_use, {Columns}) VALUES(@p0, @p1, @p2, 0, 0, 0, 0, 0, 0, 0) " +
            "ON CONFLICT(gateway, peer, stream_use) DO NOTHING;",
            Key(stream));
        return Read(transaction, stream, locking)!;
    }

    /// <summary>Writes the stream's counters (its row exists: <see cref="Lock"/> made sure of it).</summary>
    public static void Save(StoreTransaction transaction, StreamState state)
    {
        Sql.Defer(transaction,
            "UPDATE streams SET next_block = @p3, next_offset = @p4, acked_blocks = @p5, acked_bytes = @p6, " +
            $"acked_prefix_blocks = @p7, acked_prefix_end = @p8, used_bytes = @p9 WHERE {BlockRows.Stream};",
            state.Stream.GatewayId, state.Stream.PeerId, (int)state.Stream.Use, state.NextBlock, state.NextOffset,
            state.AckedBlocks, state.AckedBytes, state.AckedPrefixBlocks, state.AckedPrefixEnd, state.UsedBytes);
    }

    /// <summary>Every stream that has at least one block.</summary>
    public static IReadOnlyList<KeyStreamId> All(StoreTransaction transaction)
    {
        using var reader = Sql.Reader(transaction,
            "SELECT gateway, peer, stream_use FROM streams WHERE next_block > 0 ORDER BY gateway, peer, stream_use;");
        var streams = new List<KeyStreamId>();
        while (reader.Read())
        {
            streams.Add(KeyStreamId.Of((ushort)Sql.Int64(reader, 0), (ushort)Sql.Int64(reader, 1), (KeyStreamUse)Sql.Int64(reader, 2)));
        }

        return streams;
    }

    private static object[] Key(KeyStreamId stream) => [stream.GatewayId, stream.PeerId, (int)stream.Use];

    private static StreamState? Read(StoreTransaction transaction, KeyStreamId stream, string query)
    {
        using var reader = Sql.Reader(transaction, query, Key(stream));
        if (!reader.Read())
        {
            return null;
        }

        return new StreamState(stream)
        {
            NextBlock = Sql.Int64(reader, 0),
            NextOffset = Sql.Int64(reader, 1),
            AckedBlocks = Sql.Int64(reader, 2),
            AckedBytes = Sql.Int64(reader, 3),
            AckedPrefixBlocks = Sql.Int64(reader, 4),
            AckedPrefixEnd = Sql.Int64(reader, 5),
            UsedBytes = Sql.Int64(reader, 6),
        };
    }
}
