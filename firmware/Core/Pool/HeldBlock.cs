namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// A key block as the pool holds it: the block's identity (id, original offset and length, for duplicate checks)
    /// and its not yet consumed bytes, which start at <see cref="HeldOffset"/>.
    /// </summary>
    internal sealed class HeldBlock
    {
        /// <summary>Creates a held block; <paramref name="material"/> holds the bytes from <paramref name="heldOffset"/> to the block end.</summary>
        public HeldBlock(ushort peerId, uint blockId, long blockOffset, int blockLength, long heldOffset, byte[] material)
        {
            PeerId = peerId;
            BlockId = blockId;
            BlockOffset = blockOffset;
            BlockLength = blockLength;
            HeldOffset = heldOffset;
            Material = material;
        }

        /// <summary>Gets the peer.</summary>
        public ushort PeerId { get; private set; }

        /// <summary>Gets the block id.</summary>
        public uint BlockId { get; private set; }

        /// <summary>Gets the stream offset of the block's first byte as ingested.</summary>
        public long BlockOffset { get; private set; }

        /// <summary>Gets the block's length as ingested.</summary>
        public int BlockLength { get; private set; }

        /// <summary>Gets the stream offset of the first byte still held.</summary>
        public long HeldOffset { get; private set; }

        /// <summary>Gets the held bytes (stream offsets HeldOffset .. End-1).</summary>
        public byte[] Material { get; private set; }

        /// <summary>Gets the stream offset one past the block's last byte.</summary>
        public long End
        {
            get { return BlockOffset + BlockLength; }
        }

        /// <summary>Overwrites the held bytes in RAM with zeros (the block is dropped, consumed or replaced).</summary>
        public void Erase()
        {
            System.Array.Clear(Material, 0, Material.Length);
        }

        /// <summary>Returns the same block without the bytes before <paramref name="newHeldOffset"/> (which must lie inside the held part).</summary>
        public HeldBlock Without(long newHeldOffset)
        {
            int drop = (int)(newHeldOffset - HeldOffset);
            byte[] rest = new byte[Material.Length - drop];
            System.Array.Copy(Material, drop, rest, 0, rest.Length);
            Erase(); // this copy is replaced: its consumed prefix (and the copied rest) must not linger in RAM
            return new HeldBlock(PeerId, BlockId, BlockOffset, BlockLength, newHeldOffset, rest);
        }
    }
}
