using GatewayQkd.Core.Pool;
using Microsoft.Data.Sqlite;

namespace GatewayQkd.Kms.Store;

/// <summary>Key delivery for the ETSI GS QKD 014 interface: each key reaches each side of its stream once.</summary>
public sealed partial class CentralKeyStore
{
    /// <summary>
    /// Hands node <paramref name="master"/> <paramref name="count"/> fresh keys of <paramref name="keyBytes"/> bytes
    /// from the stream it shares with <paramref name="slave"/>, taken from the top of the acknowledged material down.
    /// The ranges are marked used at once (never handed out again) and recorded as awaiting the slave, which fetches
    /// them with <see cref="DeliverToSlave"/>. All or nothing: with too little key the call throws
    /// <see cref="KeyStoreError.InsufficientKey"/> and changes nothing.
    /// </summary>
    public IReadOnlyList<StoredKey> DeliverToMaster(ushort master, ushort slave, int keyBytes, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(keyBytes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var stream = KeyStreamId.Of(master, slave);
        return Write(transaction =>
        {
            var top = StreamRows.Load(transaction, stream).AckedPrefixEnd;
            var keys = new List<StoredKey>(count);
            for (var i = 0; i < count; i++)
            {
                var offset = UsedSpans.HighestFree(transaction, stream, top, keyBytes) ?? throw new KeyStoreException(
                    KeyStoreError.InsufficientKey,
                    $"Stream {stream} has too little acknowledged, unused key for {count} key(s) of {keyBytes} bytes.");
                var key = TakeRange(transaction, stream, offset, keyBytes, erase: false);
                DeliveryRows.Insert(transaction, stream, offset, keyBytes, master, slave, slaveDelivered: false);
                keys.Add(new StoredKey(stream, new KeyRange(stream.PeerId, (uint)offset, keyBytes), key));
            }

            return keys;
        });
    }

    /// <summary>
    /// Hands node <paramref name="slave"/> the keys <paramref name="ids"/> on the stream it shares with
    /// <paramref name="master"/>: only keys that <see cref="DeliverToMaster"/> issued to that master for this slave, with
    /// exactly that offset and length, and that this slave has not fetched yet (ETSI GS QKD 014 s6.4: the slave gets
    /// the keys the master was given). Delivered bytes are erased. All or nothing: a key of another stream
    /// (<see cref="KeyStoreError.NotAuthorized"/>), one never issued that way - a made-up key_ID, a range a gateway
    /// issued to its sensors, another pair's key (<see cref="KeyStoreError.NotIssued"/>) - or one already fetched
    /// (<see cref="KeyStoreError.AlreadyUsed"/>) fails the whole call and changes nothing.
    /// </summary>
    public IReadOnlyList<StoredKey> DeliverToSlave(ushort slave, ushort master, IReadOnlyList<GatewayKeyId> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var stream = KeyStreamId.Of(master, slave);
        foreach (var id in ids)
        {
            ArgumentNullException.ThrowIfNull(id);
            if (id.Stream != stream)
            {
                throw new KeyStoreException(KeyStoreError.NotAuthorized,
                    $"Key {id.Range} of gateway {id.GatewayId} lies on stream {id.Stream}, not on stream {stream} " +
                    $"of nodes {master} and {slave}.");
            }
        }

        return Write(transaction => ids.Select(id => DeliverOneToSlave(transaction, slave, master, id)).ToList());
    }

    /// <summary>Number of keys delivered to a master and not yet fetched by the slave, on the stream of two nodes.</summary>
    public long GetPendingDeliveries(ushort nodeA, ushort nodeB)
    {
        var stream = KeyStreamId.Of(nodeA, nodeB);
        return Write(transaction => DeliveryRows.PendingCount(transaction, stream));
    }

    private static StoredKey DeliverOneToSlave(SqliteTransaction transaction, ushort slave, ushort master, GatewayKeyId id)
    {
        var stream = id.Stream;
        var range = new KeyRange(stream.PeerId, id.Range.Offset, id.Range.Length);
        var delivery = DeliveryRows.Find(transaction, stream, range.Offset, range.Length);
        if (delivery is not { } found || found.Master != master || found.Slave != slave)
        {
            throw new KeyStoreException(KeyStoreError.NotIssued,
                $"Key {range} of stream {stream} was not issued by enc_keys to node {master} for node {slave}.");
        }

        if (found.SlaveDelivered)
        {
            throw new KeyStoreException(KeyStoreError.AlreadyUsed,
                $"Key {range} of stream {stream} was already delivered to node {slave}.");
        }

        var key = BlockRows.Read(transaction, stream, range.Offset, range.Length);
        BlockRows.Erase(transaction, stream, range.Offset, range.Length);
        DeliveryRows.MarkSlaveDelivered(transaction, stream, range.Offset);
        return new StoredKey(stream, range, key);
    }
}
