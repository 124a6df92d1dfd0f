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
        Write(ToMaster(master, slave, keyBytes, count));

    /// <summary>As <see cref="DeliverToMaster"/>, without blocking a thread while earlier commits run.</summary>
    public Task<IReadOnlyList<StoredKey>> DeliverToMasterAsync(ushort master, ushort slave, int keyBytes, int count) =>
        _commits.RunAsync(ToMaster(master, slave, keyBytes, count));

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
            var keys = new List<StoredKey>(count);
            var whole = (long)keyBytes * count;
            if (whole <= int.MaxValue && UsedSpans.HighestFree(transaction, stream, state.AckedPrefixEnd, (int)whole) is { } start)
            {
                // The usual case (nothing but enc_keys draws on the reservation, so it has no holes): one run for the
                // whole request, one used span and one read, split into keys from the top down as below.
                var run = TakeRange(transaction, state, start, (int)whole, erase: false);
                for (var i = 0; i < count; i++)
                {
                    var offset = start + whole - ((i + 1L) * keyBytes);
                    DeliveryRows.Insert(transaction, stream, offset, keyBytes, master, slave, slaveDelivered: false);
                    keys.Add(new StoredKey(stream, new KeyRange(stream.PeerId, (uint)offset, keyBytes),
                        run.AsSpan((int)(offset - start), keyBytes).ToArray()));
                }

                System.Security.Cryptography.CryptographicOperations.ZeroMemory(run);
                StreamRows.Save(transaction, state);
                return keys;
            }

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
            var keys = new List<StoredKey>(copy.Length);
            foreach (var id in copy)
            {
                keys.Add(DeliverOneToSlave(transaction, slave, master, id));
            }

            return keys;
        };
    }

    private static StoredKey DeliverOneToSlave(StoreTransaction transaction, ushort slave, ushort master, GatewayKeyId id)
    {
        var stream = id.Stream;
        StreamRows.Lock(transaction, stream);
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

        return new StoredKey(stream, range, BlockRows.ReadAndErase(transaction, stream, range.Offset, range.Length));
    }
}
