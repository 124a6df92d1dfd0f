using GatewayQkd.Core.Pool;

namespace GatewayQkd.Kms.Store;

/// <summary>
/// Key delivery for the ETSI GS QKD 014 interface: each key reaches each side of its stream once, and every key comes
/// from the pair's ETSI 014 reservation (<see cref="ReserveForEtsi014"/>), never from the stream a gateway issues to
/// its sensors.
/// </summary>
public sealed partial class CentralKeyStore
{
    /// <summary>
    /// Hands node <paramref name="master"/> <paramref name="count"/> fresh keys of <paramref name="keyBytes"/> bytes
    /// from the ETSI 014 reservation it shares with <paramref name="slave"/>, taken from its top down. The ranges are
    /// marked used at once (never handed out again) and recorded as awaiting the slave, which fetches them with
    /// <see cref="DeliverToSlave"/>. All or nothing: with too little key the call throws
    /// <see cref="KeyStoreError.InsufficientKey"/> and changes nothing.
    /// </summary>
    public IReadOnlyList<StoredKey> DeliverToMaster(ushort master, ushort slave, int keyBytes, int count) =>
        DeliverToMasterAsync(master, slave, keyBytes, count).GetAwaiter().GetResult();

    /// <summary>
    /// As <see cref="DeliverToMaster"/>, without blocking a thread while earlier commits run. Concurrent requests of one
    /// pair and key size that meet in a batch are served as one run of the reservation, split among them top down
    /// (<see cref="MasterDelivery"/>): each still gets its own keys, as if they had run one after another.
    /// </summary>
    public Task<IReadOnlyList<StoredKey>> DeliverToMasterAsync(ushort master, ushort slave, int keyBytes, int count) =>
        _commits.RunAsync(ToMaster(master, slave, keyBytes, count), new MasterDelivery(master, slave, keyBytes, count));

    /// <summary>
    /// Hands node <paramref name="slave"/> the keys <paramref name="ids"/> on the ETSI 014 reservation it shares with
    /// <paramref name="master"/>: only keys that <see cref="DeliverToMaster"/> issued to that master for this slave, with
    /// exactly that offset and length, and that this slave has not fetched yet (ETSI GS QKD 014 s6.4: the slave gets
    /// the keys the master was given). Delivered bytes are erased. All or nothing: a key of another pair
    /// (<see cref="KeyStoreError.NotAuthorized"/>), one never issued that way - a made-up key_ID, a range of the
    /// sensors' stream, another pair's key (<see cref="KeyStoreError.NotIssued"/>) - or one already fetched
    /// (<see cref="KeyStoreError.AlreadyUsed"/>) fails the whole call and changes nothing.
    /// </summary>
    public IReadOnlyList<StoredKey> DeliverToSlave(ushort slave, ushort master, IReadOnlyList<GatewayKeyId> ids) =>
        Write(ToSlave(slave, master, ids));

    /// <summary>As <see cref="DeliverToSlave"/>, without blocking a thread while earlier commits run.</summary>
    public Task<IReadOnlyList<StoredKey>> DeliverToSlaveAsync(ushort slave, ushort master, IReadOnlyList<GatewayKeyId> ids) =>
        _commits.RunAsync(ToSlave(slave, master, ids));

    /// <summary>Number of keys delivered to a master and not yet fetched by the slave, on the pair's ETSI 014 reservation.</summary>
    public long GetPendingDeliveries(ushort nodeA, ushort nodeB)
    {
        var stream = KeyStreamId.Of(nodeA, nodeB, KeyStreamUse.Etsi014);
        return Write(transaction => DeliveryRows.PendingCount(transaction, stream));
    }

    private static Func<StoreTransaction, IReadOnlyList<StoredKey>> ToMaster(ushort master, ushort slave, int keyBytes, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keyBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var stream = KeyStreamId.Of(master, slave, KeyStreamUse.Etsi014);
        return transaction =>
        {
            var state = StreamRows.Lock(transaction, stream);
            if (TakeTopRun(transaction, state, master, slave, keyBytes, [count]) is { } run)
            {
                StreamRows.Save(transaction, state);
                return run[0];
            }

            var keys = new List<StoredKey>(count);
            for (var i = 0; i < count; i++)
            {
                var offset = UsedSpans.HighestFree(transaction, stream, state.AckedPrefixEnd, keyBytes) ?? throw new KeyStoreException(
                    KeyStoreError.InsufficientKey,
                    $"Stream {stream} has too little unused reserved key for {count} key(s) of {keyBytes} bytes.");
                var key = TakeRange(transaction, state, offset, keyBytes, erase: false);
                DeliveryRows.Insert(transaction, stream, offset, keyBytes, master, slave, slaveDelivered: false);
                keys.Add(new StoredKey(stream, new KeyRange(stream.PeerId, (uint)offset, keyBytes), key));
            }

            StreamRows.Save(transaction, state);
            return keys;
        };
    }

    // The usual case (nothing but enc_keys draws on the reservation, so it has no holes): one free run for all the keys
    // the requests ask for (counts, one per request), one used span and one read, split into keys from the top down -
    // the first request gets the highest keys - as one request after another would take them; null (nothing changed)
    // when no run that long is free.
    private static List<StoredKey>[]? TakeTopRun(StoreTransaction transaction, StreamState state, ushort master, ushort slave,
        int keyBytes, IReadOnlyList<int> counts)
    {
        var stream = state.Stream;
        var whole = (long)keyBytes * counts.Sum();
        if (whole > int.MaxValue || UsedSpans.HighestFree(transaction, stream, state.AckedPrefixEnd, (int)whole) is not { } start)
        {
            return null;
        }

        var run = TakeRange(transaction, state, start, (int)whole, erase: false);
        var lists = new List<StoredKey>[counts.Count];
        var taken = 0L;
        for (var part = 0; part < counts.Count; part++)
        {
            lists[part] = new List<StoredKey>(counts[part]);
            for (var i = 0; i < counts[part]; i++)
            {
                var offset = start + whole - ((++taken) * keyBytes);
                DeliveryRows.Insert(transaction, stream, offset, keyBytes, master, slave, slaveDelivered: false);
                lists[part].Add(new StoredKey(stream, new KeyRange(stream.PeerId, (uint)offset, keyBytes),
                    run.AsSpan((int)(offset - start), keyBytes).ToArray()));
            }
        }

        System.Security.Cryptography.CryptographicOperations.ZeroMemory(run);
        return lists;
    }

    private static Func<StoreTransaction, IReadOnlyList<StoredKey>> ToSlave(ushort slave, ushort master, IReadOnlyList<GatewayKeyId> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var pair = KeyStreamId.Of(master, slave);
        foreach (var id in ids)
        {
            ArgumentNullException.ThrowIfNull(id);
            var stream = id.Stream;
            if (stream.GatewayId != pair.GatewayId || stream.PeerId != pair.PeerId)
            {
                throw new KeyStoreException(KeyStoreError.NotAuthorized,
                    $"Key {id.Range} of gateway {id.GatewayId} lies on stream {stream}, not on a stream of nodes {master} " +
                    $"and {slave}.");
            }
        }

        var copy = ids.ToArray();
        return transaction =>
        {
            foreach (var stream in copy.Select(id => id.Stream).Distinct())
            {
                StreamRows.Lock(transaction, stream); // once per stream, in the order the ids name them
            }

            var ranges = new List<(KeyStreamId Stream, KeyRange Range)>(copy.Length);
            foreach (var id in copy)
            {
                ranges.Add(MarkSlaveDelivered(transaction, slave, master, id));
            }

            return ReadAndEraseDelivered(transaction, ranges);
        };
    }

    private static (KeyStreamId Stream, KeyRange Range) MarkSlaveDelivered(StoreTransaction transaction, ushort slave, ushort master,
        GatewayKeyId id)
    {
        var stream = id.Stream;
        var range = new KeyRange(stream.PeerId, id.Range.Offset, id.Range.Length);
        if (!DeliveryRows.MarkSlaveDelivered(transaction, stream, range.Offset, range.Length, master, slave))
        {
            // Nothing marked: find out why, for the error (the refused call is rolled back either way).
            var delivery = DeliveryRows.Find(transaction, stream, range.Offset, range.Length);
            if (delivery is not { } found || found.Master != master || found.Slave != slave)
            {
                throw new KeyStoreException(KeyStoreError.NotIssued,
                    $"Key {range} of stream {stream} was not issued by enc_keys to node {master} for node {slave}.");
            }

            throw new KeyStoreException(KeyStoreError.AlreadyUsed,
                $"Key {range} of stream {stream} was already delivered to node {slave}.");
        }

        return (stream, range);
    }

    // Reads the delivered keys' bytes and erases them, one read and one write per run of adjacent keys: enc_keys hands a
    // request's keys out as one run, so a dec_keys request for them costs one read and one block rewrite, not one per key
    // (PostgreSQL writes a whole new bytea value per UPDATE, and every statement is a round trip). Keys in the ids' order.
    private static List<StoredKey> ReadAndEraseDelivered(StoreTransaction transaction, List<(KeyStreamId Stream, KeyRange Range)> ranges)
    {
        var bytes = new Dictionary<(KeyStreamId, long), byte[]>(ranges.Count);
        foreach (var group in ranges.GroupBy(r => r.Stream))
        {
            var ordered = group.Select(r => r.Range).OrderBy(r => r.Offset).ToList();
            var first = 0;
            for (var i = 1; i <= ordered.Count; i++)
            {
                if (i < ordered.Count && ordered[i].Offset == ordered[i - 1].End)
                {
                    continue;
                }

                // ordered[first..i) is one run of adjacent keys.
                var start = (long)ordered[first].Offset;
                var run = BlockRows.ReadAndErase(transaction, group.Key, start, (int)((long)ordered[i - 1].End - start));
                for (var k = first; k < i; k++)
                {
                    bytes[(group.Key, ordered[k].Offset)] = run.AsSpan((int)(ordered[k].Offset - start), ordered[k].Length).ToArray();
                }

                System.Security.Cryptography.CryptographicOperations.ZeroMemory(run);
                first = i;
            }
        }

        return ranges.Select(r => new StoredKey(r.Stream, r.Range, bytes[(r.Stream, r.Range.Offset)])).ToList();
    }

    /// <summary>
    /// enc_keys requests of one master, slave and key size merged within a batch: one locked stream read, one free-run
    /// search, one used span and one read of key bytes for all of them (<see cref="TakeTopRun"/>); when no run holds
    /// them all, they run one by one (each then all or nothing on its own).
    /// </summary>
    private sealed record MasterDelivery(ushort Master, ushort Slave, int KeyBytes, int Count) : IBatchMerge
    {
        public object Key => (KeyStreamId.Of(Master, Slave, KeyStreamUse.Etsi014), Master, Slave, KeyBytes);

        public object[]? TryRunMerged(StoreTransaction transaction, IReadOnlyList<IBatchMerge> parts)
        {
            var state = StreamRows.Lock(transaction, KeyStreamId.Of(Master, Slave, KeyStreamUse.Etsi014));
            if (TakeTopRun(transaction, state, Master, Slave, KeyBytes, parts.Select(p => ((MasterDelivery)p).Count).ToList()) is not { } runs)
            {
                return null;
            }

            StreamRows.Save(transaction, state);
            return runs;
        }
    }
}
