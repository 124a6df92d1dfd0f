using GatewayQkd.Core.Pool;

namespace GatewayQkd.Core.Tests.Pool;

/// <summary>
/// An independent model of the key streams the gateway shares with its peers: byte o of peer p's stream is a fixed
/// pseudo-random function of (seed, p, o), so tests know what every range must contain without asking the pool.
/// It also cuts the streams into consecutive blocks, as the central server does.
/// </summary>
internal sealed class KeyStreamModel(ulong seed = 0x5EED)
{
    private readonly Dictionary<ushort, (uint NextId, uint End)> _cursor = [];

    /// <summary>Returns the byte at <paramref name="offset"/> of <paramref name="peer"/>'s stream.</summary>
    public byte ByteAt(ushort peer, long offset)
    {
        // SplitMix64 finaliser (Steele et al. 2014) over the position: a fixed, well-mixed function, not key material.
        var z = seed ^ ((ulong)peer << 40) ^ (ulong)offset;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (byte)(z ^ (z >> 31));
    }

    /// <summary>Returns the bytes of a range.</summary>
    public byte[] Bytes(ushort peer, long offset, int length)
    {
        var bytes = new byte[length];
        for (var i = 0; i < length; i++)
        {
            bytes[i] = ByteAt(peer, offset + i);
        }

        return bytes;
    }

    /// <summary>Returns the bytes of a key range.</summary>
    public byte[] Bytes(KeyRange range) => Bytes(range.PeerId, range.Offset, range.Length);

    /// <summary>Returns the block with id <paramref name="blockId"/> at <paramref name="offset"/> of the given length.</summary>
    public KeyBlock Block(ushort peer, uint blockId, uint offset, int length) => new(peer, blockId, offset, Bytes(peer, offset, length));

    /// <summary>Returns the next block of <paramref name="peer"/>'s stream and advances the model's cursor.</summary>
    public KeyBlock NextBlock(ushort peer, int length)
    {
        var (nextId, end) = _cursor.GetValueOrDefault(peer);
        _cursor[peer] = (nextId + 1, end + (uint)length);
        return Block(peer, nextId, end, length);
    }
}
