namespace GatewayQkd.Kms.Store;

/// <summary>
/// The deliveries table: each key the KMS handed out through the REST interface, who got it first (master) and
/// whether the other side (slave) has fetched it. A key delivered to its master awaits its slave; once the slave has
/// it too, the bytes are erased and no further delivery is possible.
/// </summary>
internal static class DeliveryRows
{
    private const string Range = BlockRows.Stream + " AND \"offset\" = @p3 AND length = @p4";

    /// <summary>Records a delivery.</summary>
    public static void Insert(StoreTransaction transaction, KeyStreamId stream, long offset, int length,
        ushort master, ushort slave, bool slaveDelivered)
    {
        Sql.Defer(transaction,
            "INSERT INTO deliveries(gateway, peer, stream_use, \"offset\", length, master, slave, slave_delivered) " +
            "VALUES(@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7);",
            stream.GatewayId, stream.PeerId, (int)stream.Use, offset, length, master, slave, slaveDelivered ? 1 : 0);
    }

    /// <summary>The delivery recorded at exactly this range, or null.</summary>
    public static (ushort Master, ushort Slave, bool SlaveDelivered)? Find(
        StoreTransaction transaction, KeyStreamId stream, long offset, int length)
    {
        using var reader = Sql.Reader(transaction, $"SELECT master, slave, slave_delivered FROM deliveries WHERE {Range};",
            stream.GatewayId, stream.PeerId, (int)stream.Use, offset, length);
        return reader.Read() ? ((ushort)Sql.Int64(reader, 0), (ushort)Sql.Int64(reader, 1), Sql.Int64(reader, 2) != 0) : null;
    }

    /// <summary>
    /// Marks the delivery of exactly this range, issued to <paramref name="master"/> for <paramref name="slave"/>, as
    /// fetched by its slave; false (nothing changed) when there is no such delivery or the slave already has it.
    /// </summary>
    public static bool MarkSlaveDelivered(StoreTransaction transaction, KeyStreamId stream, long offset, int length,
        ushort master, ushort slave) =>
        // RETURNING makes the row count a read, so it shares a round trip with the writes before it (SQLite 3.35+, PostgreSQL).
        Sql.Scalar(transaction,
            $"UPDATE deliveries SET slave_delivered = 1 WHERE {Range} AND master = @p5 AND slave = @p6 AND slave_delivered = 0 " +
            "RETURNING 1;",
            stream.GatewayId, stream.PeerId, (int)stream.Use, offset, length, master, slave) is not null;

    /// <summary>Number of keys delivered to a master and still awaiting their slave.</summary>
    public static long PendingCount(StoreTransaction transaction, KeyStreamId stream) =>
        Convert.ToInt64(Sql.Scalar(transaction,
            $"SELECT COUNT(*) FROM deliveries WHERE {BlockRows.Stream} AND slave_delivered = 0;",
            stream.GatewayId, stream.PeerId, (int)stream.Use), System.Globalization.CultureInfo.InvariantCulture);
}
