namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// HAP/CS to gateway: one <see cref="GatewayQkd.Core.Pool.KeyBlock"/> with its material AES-256-CTR encrypted under a
    /// message key derived from the link's wrap key and a random salt (<see cref="KeyWrap"/>; the frame tag completes
    /// encrypt-then-MAC). Body: peer u16, block id u32, stream offset u32, length u16, wrap salt (16 bytes), wrapped
    /// material (length bytes).
    /// </summary>
    public sealed class KeyBlockMessage : FrameBody
    {
        /// <summary>Body size without the material (the fields and the 16-byte wrap salt).</summary>
        public const int BaseLength = 12 + KeyWrap.SaltLength;

        /// <summary>Creates a delivery; the material is 1..<see cref="FrameLimits.MaxBlockBytes"/> bytes inside the 32-bit stream.</summary>
        public KeyBlockMessage(ushort peerId, uint blockId, uint offset, byte[] wrapSalt, byte[] wrappedMaterial)
        {
            int length = wrappedMaterial == null ? 0 : wrappedMaterial.Length;
            FieldCheck.InRange("block length", length, 1, FrameLimits.MaxBlockBytes);
            FieldCheck.InKeyStream("block", offset, length);
            FieldCheck.Length("wrap salt", wrapSalt, KeyWrap.SaltLength);
            PeerId = peerId;
            BlockId = blockId;
            Offset = offset;
            WrapSalt = wrapSalt;
            WrappedMaterial = wrappedMaterial;
        }

        /// <summary>Gets the sender's random salt of the wrap's message key.</summary>
        public byte[] WrapSalt { get; private set; }

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
            writer.WriteBytes(WrapSalt, 0, KeyWrap.SaltLength);
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
            byte[] salt = reader.ReadBytes(KeyWrap.SaltLength, "wrap salt");
            return new KeyBlockMessage(peer, blockId, offset, salt, reader.ReadBytes(length, "block material"));
        }
    }
}
