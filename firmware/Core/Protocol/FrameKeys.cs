using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// The two working keys of one pairwise key (a sensor's device key, or the gateway's link key with the HAP/CS):
    /// the frame authentication key and the key-wrap (AES-256-CTR) key. Separate keys per purpose so a tag never
    /// doubles as keystream (docs/protocol.md s4).
    /// </summary>
    public sealed class FrameKeys
    {
        /// <summary>HKDF info label of the frame authentication key.</summary>
        public const string AuthLabel = "GatewayQkd v1 frame auth";

        /// <summary>HKDF info label of the key-wrap key.</summary>
        public const string WrapLabel = "GatewayQkd v1 key wrap";

        /// <summary>Length of the pairwise key and of each derived key.</summary>
        public const int KeyLength = 32;

        private FrameKeys(byte[] authKey, byte[] wrapKey)
        {
            AuthKey = authKey;
            WrapKey = wrapKey;
        }

        /// <summary>Gets the HMAC-SHA256 key for frame tags.</summary>
        public byte[] AuthKey { get; private set; }

        /// <summary>Gets the AES-256 key that encrypts key material inside frames.</summary>
        public byte[] WrapKey { get; private set; }

        /// <summary>Derives both keys from a 32-byte uniformly random pairwise key.</summary>
        public static FrameKeys Derive(ICryptoPrimitives crypto, byte[] pairKey)
        {
            if (pairKey == null || pairKey.Length != KeyLength)
            {
                throw new System.ArgumentException("A pairwise key must be 32 bytes.", "pairKey");
            }

            return new FrameKeys(Expand(crypto, pairKey, AuthLabel), Expand(crypto, pairKey, WrapLabel));
        }

        // HKDF-Expand with L = 32 (RFC 5869 s2.3): one block T(1) = HMAC(PRK, info | 0x01). The pairwise key is
        // already uniformly random, so it serves as the PRK without the Extract step (RFC 5869 s3.3).
        private static byte[] Expand(ICryptoPrimitives crypto, byte[] prk, string label)
        {
            byte[] info = System.Text.Encoding.UTF8.GetBytes(label);
            byte[] input = new byte[info.Length + 1];
            System.Array.Copy(info, input, info.Length);
            input[info.Length] = 1;
            return crypto.HmacSha256(prk, input, 0, input.Length);
        }
    }
}
