using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Encrypts key material carried inside a frame (key responses, key block deliveries) with AES-256-CTR under the
    /// pair's wrap key. The initial counter block is built from the frame header, so it never repeats under one key:
    /// type u8, sender u16, recipient u16, counter u32, then seven zero bytes for the block counter (up to 2^56 blocks).
    /// The frame's HMAC tag, computed over header and ciphertext, completes encrypt-then-MAC (docs/protocol.md s4).
    /// </summary>
    public sealed class KeyWrap
    {
        private readonly AesCtr _ctr;

        /// <summary>Creates the wrap on the given primitives.</summary>
        public KeyWrap(ICryptoPrimitives crypto)
        {
            _ctr = new AesCtr(crypto);
        }

        /// <summary>Returns the initial counter block for a frame with these header fields.</summary>
        public static byte[] Nonce(FrameType type, ushort senderId, ushort recipientId, uint counter)
        {
            FrameWriter writer = new FrameWriter(AesCtr.BlockLength);
            writer.WriteByte((byte)type);
            writer.WriteUInt16(senderId);
            writer.WriteUInt16(recipientId);
            writer.WriteUInt32(counter);
            return writer.Buffer;
        }

        /// <summary>Encrypts (or, being CTR, decrypts) <paramref name="material"/> for the frame with these header fields.</summary>
        public byte[] Apply(FrameKeys keys, FrameType type, ushort senderId, ushort recipientId, uint counter, byte[] material)
        {
            if (keys == null || material == null)
            {
                throw new System.ArgumentNullException(keys == null ? "keys" : "material");
            }

            return _ctr.Transform(keys.WrapKey, Nonce(type, senderId, recipientId, counter), material, 0, material.Length);
        }

        /// <summary>Decrypts the material of an opened frame, using the nonce its authenticated header gives.</summary>
        public byte[] Unwrap(FrameOpenResult opened, byte[] wrapped)
        {
            if (opened == null || !opened.IsOk)
            {
                throw new System.ArgumentException("Only an opened (authentic, fresh) frame can be unwrapped.", "opened");
            }

            FrameHeader h = opened.Header;
            return Apply(opened.Keys, h.Type, h.SenderId, h.RecipientId, h.Counter, wrapped);
        }
    }
}
