namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// HAP/CS to gateway: one <see cref="GatewayQkd.Core.Pool.KeyBlock"/> with its material AES-256-CTR encrypted under the
    /// link's wrap key (the frame tag completes encrypt-then-MAC). Body: peer u16, block id u32, stream offset u32,
    /// length u16, wrapped material (length bytes).
    /// </summary>
    public sealed class KeyBlockMessage : FrameBody
    {
        /// <summary>Body size without the material.</summary>
        public const int BaseLength = 12;

        /// <summary>Creates a delivery; the material is 1..<see cref="FrameLimits.MaxBlockBytes"/> bytes inside the 32-bit stream.</summary>
        public KeyBlockMessage(ushort peerId, uint blockId, uint offset, byte[] wrappedMaterial)
        {
            int length = wrappedMaterial == null ? 0 : wrappedMaterial.Length;
            FieldCheck.InRange("block length", length, 1, FrameLimits.MaxBlockBytes);
            FieldCheck.InKeyStream("block", offset, length);
            PeerId = peerId;
            BlockId = blockId;
            Offset = offset;
            WrappedMaterial = wrappedMaterial;
        }

        /// <summary>Gets the peer whose stream the block extends (0 = central server).</summary>
        public ushort PeerId { get; private set; }

        /// <summary>Gets the block's sequence number on that stream.</summary>
        public uint BlockId { get; private set; }

        /// <summary>Gets the stream offset of the block's first byte.</summary>
        public uint Offset { get; private set; }

        /// <summary>Gets the encrypted key material.</summary>
        public byte[] WrappedMaterial { get; private set; }

        /// <inheritdoc />
        public override FrameType Type
        {
            get { return FrameType.KeyBlockDelivery; }
        }

        /// <inheritdoc />
        public override int BodyLength
        {
            get { return BaseLength + WrappedMaterial.Length; }
        }

        /// <inheritdoc />
        public override void WriteTo(FrameWriter writer)
        {
            writer.WriteUInt16(PeerId);
            writer.WriteUInt32(BlockId);
            writer.WriteUInt32(Offset);
            writer.WriteUInt16((ushort)WrappedMaterial.Length);
            writer.WriteBytes(WrappedMaterial, 0, WrappedMaterial.Length);
        }

        /// <summary>Reads and range-checks a body.</summary>
        public static KeyBlockMessage ReadFrom(FrameReader reader)
        {
            ushort peer = reader.ReadUInt16("peer");
            uint blockId = reader.ReadUInt32("block id");
            uint offset = reader.ReadUInt32("block offset");
            ushort length = reader.ReadUInt16("block length");
            FieldCheck.InRange("block length", length, 1, FrameLimits.MaxBlockBytes);
            return new KeyBlockMessage(peer, blockId, offset, reader.ReadBytes(length, "block material"));
        }
    }
}
