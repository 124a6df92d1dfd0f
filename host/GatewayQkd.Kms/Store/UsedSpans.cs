namespace GatewayQkd.Kms.Store;

/// <summary>
/// The used_spans table: the union of every used or delivered range of a stream, kept as disjoint, coalesced spans
/// [offset, end_offset). Because spans never overlap, one look-up of the span starting last before a range's end
/// decides whether the range touches used material.
/// </summary>
internal static class UsedSpans
{
    private const string Stream = BlockRows.Stream;

    /// <summary>True when any byte of [offset, end) is used.</summary>
    public static bool Overlaps(StoreTransaction transaction, KeyStreamId stream, long offset, long end)
    {
        var before = LastStartingBefore(transaction, stream, end);
        return before is { } span && span.End > offset;
    }

    /// <summary>Marks [offset, end) used (the caller checked it is free) and merges it with touching spans.</summary>
    public static void Add(StoreTransaction transaction, KeyStreamId stream, long offset, long end)
    {
        var start = offset;
        var before = LastStartingBefore(transaction, stream, offset);
        if (before is { } left && left.End == offset)
        {
            start = left.Offset;
            Delete(transaction, stream, left.Offset);
        }

        var stop = end;
        if (Sql.Scalar(transaction, $"SELECT end_offset FROM used_spans WHERE {Stream} AND \"offset\" = @p3;",
            stream.GatewayId, stream.PeerId, (int)stream.Use, end) is { } found)
        {
            stop = Convert.ToInt64(found, System.Globalization.CultureInfo.InvariantCulture);
            Delete(transaction, stream, end);
        }

        Sql.Defer(transaction,
            "INSERT INTO used_spans(gateway, peer, stream_use, \"offset\", end_offset) VALUES(@p0, @p1, @p2, @p3, @p4);",
            stream.GatewayId, stream.PeerId, (int)stream.Use, start, stop);
    }

    /// <summary>
    /// The highest free range of <paramref name="length"/> bytes below <paramref name="top"/>, or null (enc_keys takes
    /// the ETSI 014 reservation from its top down; nothing else draws on that stream).
    /// </summary>
    public static long? HighestFree(StoreTransaction transaction, KeyStreamId stream, long top, int length)
    {
        while (top >= length)
        {
            var below = LastStartingBefore(transaction, stream, top);
            var gapStart = below is { } span ? span.End : 0;
            if (gapStart <= top - length)
            {
                return top - length;
            }

            if (below is null)
            {
                return null;
            }

            top = below.Value.Offset;
        }

        return null;
    }

    /// <summary>Used bytes below <paramref name="end"/>.</summary>
    public static long UsedBelow(StoreTransaction transaction, KeyStreamId stream, long end)
    {
        // CASE, not MIN(a, b) (SQLite) or LEAST (PostgreSQL); the CAST keeps PostgreSQL's SUM of bigints (numeric) an integer.
        return Convert.ToInt64(Sql.Scalar(transaction,
            "SELECT CAST(COALESCE(SUM(CASE WHEN end_offset < @p3 THEN end_offset ELSE @p3 END - \"offset\"), 0) AS BIGINT) " +
            $"FROM used_spans WHERE {Stream} AND \"offset\" < @p3;",
            stream.GatewayId, stream.PeerId, (int)stream.Use, end), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static (long Offset, long End)? LastStartingBefore(StoreTransaction transaction, KeyStreamId stream, long bound)
    {
        using var reader = Sql.Reader(transaction,
            $"SELECT \"offset\", end_offset FROM used_spans WHERE {Stream} AND \"offset\" < @p3 ORDER BY \"offset\" DESC LIMIT 1;",
            stream.GatewayId, stream.PeerId, (int)stream.Use, bound);
        return reader.Read() ? (Sql.Int64(reader, 0), Sql.Int64(reader, 1)) : null;
    }

    private static void Delete(StoreTransaction transaction, KeyStreamId stream, long offset) =>
        Sql.Defer(transaction, $"DELETE FROM used_spans WHERE {Stream} AND \"offset\" = @p3;",
            stream.GatewayId, stream.PeerId, (int)stream.Use, offset);
}
