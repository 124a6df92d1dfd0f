using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Encrypts key material carried inside a frame (key responses, key block deliveries) with AES-256-CTR under a
    /// key used for that one message: K_msg = HKDF-Expand(PRK = the pair's wrap key, info = <see cref="KeyLabel"/> |
    /// type u8 | sender u16 | recipient u16 | counter u32 | salt (16 bytes), L = 32) (RFC 5869 s2.3), with an all-zero
    /// initial counter block. The sender draws the salt at random for every message and sends it in the body, so the
    /// key stream is fresh when either the counter or the salt is: a sender that lost its counter file (re-flash,
    /// reformat, deleted run state with the pairwise key kept) restarts its counters but not its salts
    /// (docs/crypto.md s2.2, docs/protocol.md s4). The frame's HMAC tag over header and body, salt included,
    /// completes encrypt-then-MAC.
    /// </summary>
    public sealed class KeyWrap
    {
        /// <summary>The length of the per-message salt in bytes (128 bits).</summary>
        public const int SaltLength = 16;

        /// <summary>The HKDF info label that starts every per-message key derivation.</summary>
        public const string KeyLabel = "GatewayQkd v2 key wrap message";

        private const int HeaderFieldsLength = 9;

        private readonly Hkdf _hkdf;
        private readonly AesCtr _ctr;
        private readonly byte[] _label;

        /// <summary>Creates the wrap on the given primitives.</summary>
        public KeyWrap(ICryptoPrimitives crypto)
        {
            _hkdf = new Hkdf(crypto);
            _ctr = new AesCtr(crypto);
            _label = System.Text.Encoding.UTF8.GetBytes(KeyLabel);
        }

        // The HKDF info of the message key: label, the header fields that name the frame, and the salt.
        private byte[] MessageKeyInfo(FrameType type, ushort senderId, ushort recipientId, uint counter, byte[] salt)
        {
            Bytes.CheckLength(salt, SaltLength, "salt");
            FrameWriter writer = new FrameWriter(_label.Length + HeaderFieldsLength + SaltLength);
            writer.WriteBytes(_label, 0, _label.Length);
            writer.WriteByte((byte)type);
            writer.WriteUInt16(senderId);
            writer.WriteUInt16(recipientId);
            writer.WriteUInt32(counter);
            writer.WriteBytes(salt, 0, SaltLength);
            return writer.Buffer;
        }

        /// <summary>
        /// Encrypts (or, being CTR, decrypts) <paramref name="material"/> for the frame with these header fields under
        /// the message key of <paramref name="salt"/> (16 fresh random bytes from the sender, sent with the frame).
        /// </summary>
        public byte[] Apply(FrameKeys keys, FrameType type, ushort senderId, ushort recipientId, uint counter, byte[] salt, byte[] material)
        {
            if (keys == null || material == null)
            {
                throw new System.ArgumentNullException(keys == null ? "keys" : "material");
            }

            byte[] messageKey = _hkdf.Expand(keys.WrapKey, MessageKeyInfo(type, senderId, recipientId, counter, salt), AesCtr.KeyLength);
            try
            {
                return _ctr.Transform(messageKey, new byte[AesCtr.BlockLength], material, 0, material.Length);
            }
            finally
            {
                Bytes.Erase(messageKey);
            }
        }

        /// <summary>Decrypts the material of an opened frame, using its authenticated header and the salt its body carried.</summary>
        public byte[] Unwrap(FrameOpenResult opened, byte[] salt, byte[] wrapped)
        {
            if (opened == null || !opened.IsOk)
            {
                throw new System.ArgumentException("Only an opened (authentic, fresh) frame can be unwrapped.", "opened");
            }

            FrameHeader h = opened.Header;
            return Apply(opened.Keys, h.Type, h.SenderId, h.RecipientId, h.Counter, salt, wrapped);
        }
    }
}
