namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// HAP to gateway: one block of a gateway-to-gateway key stream relayed by the HAP as a trusted node (DDKA paper
    /// s2.3, Figure 3c: XOR forwarding). The HAP holds key K1 with the pair's other gateway <see cref="PeerId"/> (that
    /// gateway gets K1 as an ordinary <see cref="KeyBlockMessage"/>) and fresh key K2 of its own link with this
    /// gateway; it sends K2 as the link delivers it (AES-256-CTR wrapped under the link's wrap key, as every block
    /// delivery) and publishes K1 xor K2. The gateway recovers K1 = K2 xor (K1 xor K2) and stores it as block
    /// <see cref="BlockId"/> of its stream with <see cref="PeerId"/>, so both gateways hold K1 at the same stream offset.
    /// Body: peer u16, block id u32, stream offset u32, length n u16 (1..<see cref="MaxRelayBytes"/>), wrap salt
    /// (16 bytes), wrapped K2 (n bytes), K1 xor K2 (n bytes).
    /// </summary>
    public sealed class KeyRelayMessage : FrameBody
    {
        /// <summary>Body size without the two n-byte fields.</summary>
        public const int BaseLength = 12 + KeyWrap.SaltLength;

        /// <summary>The largest relayed block, so the body fits the frame limit of a block delivery.</summary>
        public const int MaxRelayBytes = FrameLimits.MaxBlockBytes / 2;

        /// <summary>Creates a relay; both byte fields have the same length, 1..<see cref="MaxRelayBytes"/>, inside the 32-bit stream.</summary>
        public KeyRelayMessage(ushort peerId, uint blockId, uint offset, byte[] wrapSalt, byte[] wrappedLinkKey, byte[] relayed)
        {
            int length = wrappedLinkKey == null ? 0 : wrappedLinkKey.Length;
            FieldCheck.InRange("relay length", length, 1, MaxRelayBytes);
            FieldCheck.Length("relayed key", relayed, length);
            FieldCheck.InKeyStream("relay", offset, length);
            FieldCheck.Length("wrap salt", wrapSalt, KeyWrap.SaltLength);
            PeerId = peerId;
            BlockId = blockId;
            Offset = offset;
            WrapSalt = wrapSalt;
            WrappedLinkKey = wrappedLinkKey;
            Relayed = relayed;
        }

        /// <summary>Gets the other gateway of the pair (whose stream the block extends).</summary>
        public ushort PeerId { get; private set; }

        /// <summary>Gets the block's sequence number on that stream.</summary>
        public uint BlockId { get; private set; }

        /// <summary>Gets the stream offset of the block's first byte.</summary>
        public uint Offset { get; private set; }

        /// <summary>Gets the salt of the link key's wrap.</summary>
        public byte[] WrapSalt { get; private set; }

        /// <summary>Gets K2, the HAP's link key with this gateway, wrapped.</summary>
        public byte[] WrappedLinkKey { get; private set; }

        /// <summary>Gets K1 xor K2 (public: a one-time pad under K2).</summary>
        public byte[] Relayed { get; private set; }

        /// <inheritdoc />
        public override FrameType Type
        {
            get { return FrameType.KeyRelay; }
        }

        /// <inheritdoc />
        public override int BodyLength
        {
            get { return BaseLength + (2 * Relayed.Length); }
        }

        /// <summary>Returns K1 = K2 xor (K1 xor K2) from the unwrapped link key K2 (erased afterwards by the caller).</summary>
        public byte[] Recover(byte[] linkKey)
        {
            FieldCheck.Length("link key", linkKey, Relayed.Length);
            byte[] key = new byte[Relayed.Length];
            GatewayQkd.Core.Crypto.Bytes.Xor(linkKey, 0, Relayed, 0, key, 0, key.Length);
            return key;
        }

        /// <inheritdoc />
        public override void WriteTo(FrameWriter writer)
        {
            writer.WriteUInt16(PeerId);
            writer.WriteUInt32(BlockId);
            writer.WriteUInt32(Offset);
            writer.WriteUInt16((ushort)Relayed.Length);
            writer.WriteBytes(WrapSalt, 0, KeyWrap.SaltLength);
            writer.WriteBytes(WrappedLinkKey, 0, WrappedLinkKey.Length);
            writer.WriteBytes(Relayed, 0, Relayed.Length);
        }

        /// <summary>Reads and range-checks a body.</summary>
        public static KeyRelayMessage ReadFrom(FrameReader reader)
        {
            ushort peer = reader.ReadUInt16("peer");
            uint blockId = reader.ReadUInt32("block id");
            uint offset = reader.ReadUInt32("block offset");
            ushort length = reader.ReadUInt16("relay length");
            FieldCheck.InRange("relay length", length, 1, MaxRelayBytes);
            byte[] salt = reader.ReadBytes(KeyWrap.SaltLength, "wrap salt");
            byte[] wrapped = reader.ReadBytes(length, "wrapped link key");
            return new KeyRelayMessage(peer, blockId, offset, salt, wrapped, reader.ReadBytes(length, "relayed key"));
        }
    }
}
