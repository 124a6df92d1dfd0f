using Microsoft.Data.Sqlite;

namespace GatewayQkd.Kms.Store;

/// <summary>Reads and writes the streams table.</summary>
internal static class StreamRows
{
    /// <summary>The stream's counters; a stream never appended to reads as all zeros (and is not inserted).</summary>
    public static StreamState Load(SqliteTransaction transaction, KeyStreamId stream)
    {
        var command = Sql.Command(transaction,
            "SELECT next_block, next_offset, acked_blocks, acked_bytes, acked_prefix_blocks, acked_prefix_end, used_bytes " +
            "FROM streams WHERE gateway = $p0 AND peer = $p1 AND stream_use = $p2;",
            stream.GatewayId, stream.PeerId, (int)stream.Use);
        using var reader = command.ExecuteReader();
        var state = new StreamState(stream);
        if (reader.Read())
        {
            state.NextBlock = reader.GetInt64(0);
            state.NextOffset = reader.GetInt64(1);
            state.AckedBlocks = reader.GetInt64(2);
            state.AckedBytes = reader.GetInt64(3);
            state.AckedPrefixBlocks = reader.GetInt64(4);
            state.AckedPrefixEnd = reader.GetInt64(5);
            state.UsedBytes = reader.GetInt64(6);
        }

        return state;
    }

    /// <summary>Inserts or replaces the stream's counters.</summary>
    public static void Save(SqliteTransaction transaction, StreamState state)
    {
        Sql.Execute(transaction,
            "INSERT OR REPLACE INTO streams(gateway, peer, stream_use, next_block, next_offset, acked_blocks, acked_bytes, " +
            "acked_prefix_blocks, acked_prefix_end, used_bytes) VALUES($p0, $p1, $p2, $p3, $p4, $p5, $p6, $p7, $p8, $p9);",
            state.Stream.GatewayId, state.Stream.PeerId, (int)state.Stream.Use, state.NextBlock, state.NextOffset,
            state.AckedBlocks, state.AckedBytes, state.AckedPrefixBlocks, state.AckedPrefixEnd, state.UsedBytes);
    }

    /// <summary>Every stream that has at least one block.</summary>
    public static IReadOnlyList<KeyStreamId> All(SqliteTransaction transaction)
    {
        var command = Sql.Command(transaction, "SELECT gateway, peer, stream_use FROM streams ORDER BY gateway, peer, stream_use;");
        using var reader = command.ExecuteReader();
        var streams = new List<KeyStreamId>();
        while (reader.Read())
        {
            streams.Add(KeyStreamId.Of((ushort)reader.GetInt32(0), (ushort)reader.GetInt32(1), (KeyStreamUse)reader.GetInt32(2)));
        }

        return streams;
    }
}
