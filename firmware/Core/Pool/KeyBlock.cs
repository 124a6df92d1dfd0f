namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// A block of fresh key material delivered to a gateway: the bytes at <see cref="Offset"/>.. of the key stream shared
    /// with peer <see cref="PeerId"/>. Blocks of one peer are numbered 0, 1, 2... and are contiguous: block n starts where
    /// block n-1 ended, so a block id and its offset identify each other and a gap or reordering is detectable.
    /// </summary>
    public sealed class KeyBlock
    {
        /// <summary>Creates a block; the material must be non-empty.</summary>
        public KeyBlock(ushort peerId, uint blockId, uint offset, byte[] material)
        {
            if (material == null || material.Length == 0)
            {
                throw new System.ArgumentException("A key block needs key material.", "material");
            }

            if ((ulong)offset + (ulong)material.Length > 0x100000000UL)
            {
                throw new System.ArgumentOutOfRangeException("offset", "The key block runs past the end of the 32-bit key stream.");
            }

            PeerId = peerId;
            BlockId = blockId;
            Offset = offset;
            Material = material;
        }

        /// <summary>Gets the peer this key is shared with (0 = central server).</summary>
        public ushort PeerId { get; private set; }

        /// <summary>Gets the block's sequence number on this peer's stream.</summary>
        public uint BlockId { get; private set; }

        /// <summary>Gets the stream offset of the block's first byte.</summary>
        public uint Offset { get; private set; }

        /// <summary>Gets the key bytes (the caller must not modify them).</summary>
        public byte[] Material { get; private set; }

        /// <summary>Gets the block's size in bits.</summary>
        public int Bits
        {
            get { return Material.Length * 8; }
        }
    }
}
