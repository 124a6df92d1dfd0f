namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Gateway to sensor: the answer to a key request. Body: request id u32, status u8, reason u8, and only when the
    /// status is Ok: key peer u16, key offset u32, key length u16, wrap salt (16 bytes), wrapped key (key length
    /// bytes). The key travels AES-256-CTR encrypted under a message key derived from the sensor's wrap key and the
    /// salt (<see cref="KeyWrap"/>); the frame tag is the MAC of the encrypt-then-MAC construction
    /// (docs/protocol.md s4), so the broker never sees key bits.
    /// </summary>
    public sealed class KeyResponseMessage : FrameBody
    {
        /// <summary>Body size of a response without a key.</summary>
        public const int BaseLength = 6;

        /// <summary>Bytes the key id adds (peer, offset, length).</summary>
        public const int KeyIdLength = 8;

        /// <summary>Creates a response that carries a key id and its wrapped (encrypted) key bytes.</summary>
        public static KeyResponseMessage Served(uint requestId, ushort keyPeer, uint keyOffset, byte[] wrapSalt, byte[] wrappedKey)
        {
            int length = wrappedKey == null ? 0 : wrappedKey.Length;
            FieldCheck.InRange("key length", length, 1, FrameLimits.MaxKeyBytes);
            FieldCheck.InKeyStream("key id", keyOffset, length);
            FieldCheck.Length("wrap salt", wrapSalt, KeyWrap.SaltLength);
            return new KeyResponseMessage(requestId, KeyResponseStatus.Ok, KeyResponseReason.None, keyPeer, keyOffset, wrapSalt, wrappedKey);
        }

        /// <summary>Creates a response without a key (waiting, insufficient or rejected) with its reason.</summary>
        public static KeyResponseMessage NotServed(uint requestId, KeyResponseStatus status, KeyResponseReason reason)
        {
            if (status == KeyResponseStatus.Ok || reason == KeyResponseReason.None)
            {
                throw new FrameFormatException(FrameStatus.MalformedBody, "status: a response without a key needs a non-Ok status and a reason.");
            }

            FieldCheck.InRange("status", (int)status, (int)KeyResponseStatus.Waiting, (int)KeyResponseStatus.Rejected);
            FieldCheck.InRange("reason", (int)reason, (int)KeyResponseReason.PlaintextLevel, (int)KeyResponseReason.NotRelayedYet);
            return new KeyResponseMessage(requestId, status, reason, 0, 0, null, null);
        }

        private KeyResponseMessage(uint requestId, KeyResponseStatus status, KeyResponseReason reason, ushort keyPeer, uint keyOffset, byte[] wrapSalt, byte[] wrappedKey)
        {
            RequestId = requestId;
            Status = status;
            Reason = reason;
            KeyPeer = keyPeer;
            KeyOffset = keyOffset;
            WrapSalt = wrapSalt;
            WrappedKey = wrappedKey;
        }

        /// <summary>Gets the request id this answers.</summary>
        public uint RequestId { get; private set; }

        /// <summary>Gets the outcome.</summary>
        public KeyResponseStatus Status { get; private set; }

        /// <summary>Gets why the request was not served (None when served).</summary>
        public KeyResponseReason Reason { get; private set; }

        /// <summary>Gets the peer of the key id (valid when served).</summary>
        public ushort KeyPeer { get; private set; }

        /// <summary>Gets the stream offset of the key id (valid when served).</summary>
        public uint KeyOffset { get; private set; }

        /// <summary>Gets the sender's random salt of the wrap's message key (null unless served).</summary>
        public byte[] WrapSalt { get; private set; }

        /// <summary>Gets the encrypted key bytes (null unless served).</summary>
        public byte[] WrappedKey { get; private set; }

        /// <inheritdoc />
        public override FrameType Type
        {
            get { return FrameType.KeyResponse; }
        }

        /// <inheritdoc />
        public override int BodyLength
        {
            get { return Status == KeyResponseStatus.Ok ? BaseLength + KeyIdLength + KeyWrap.SaltLength + WrappedKey.Length : BaseLength; }
        }

        /// <inheritdoc />
        public override void WriteTo(FrameWriter writer)
        {
            writer.WriteUInt32(RequestId);
            writer.WriteByte((byte)Status);
            writer.WriteByte((byte)Reason);
            if (Status == KeyResponseStatus.Ok)
            {
                writer.WriteUInt16(KeyPeer);
                writer.WriteUInt32(KeyOffset);
                writer.WriteUInt16((ushort)WrappedKey.Length);
                writer.WriteBytes(WrapSalt, 0, KeyWrap.SaltLength);
                writer.WriteBytes(WrappedKey, 0, WrappedKey.Length);
            }
        }

        /// <summary>Reads and range-checks a body.</summary>
        public static KeyResponseMessage ReadFrom(FrameReader reader)
        {
            uint requestId = reader.ReadUInt32("request id");
            byte status = reader.ReadByte("status");
            byte reason = reader.ReadByte("reason");
            FieldCheck.InRange("status", status, (int)KeyResponseStatus.Ok, (int)KeyResponseStatus.Rejected);
            if (status != (byte)KeyResponseStatus.Ok)
            {
                return NotServed(requestId, (KeyResponseStatus)status, (KeyResponseReason)reason);
            }

            FieldCheck.InRange("reason", reason, (int)KeyResponseReason.None, (int)KeyResponseReason.None);
            ushort peer = reader.ReadUInt16("key peer");
            uint offset = reader.ReadUInt32("key offset");
            ushort length = reader.ReadUInt16("key length");
            FieldCheck.InRange("key length", length, 1, FrameLimits.MaxKeyBytes);
            byte[] salt = reader.ReadBytes(KeyWrap.SaltLength, "wrap salt");
            byte[] wrapped = reader.ReadBytes(length, "wrapped key");
            return Served(requestId, peer, offset, salt, wrapped);
        }
    }
}
