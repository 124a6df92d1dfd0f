namespace GatewayQkd.Core.Crypto
{
    /// <summary>
    /// Information-theoretic authenticated encryption for K_sec levels that spend key per message: ciphertext =
    /// plaintext XOR pad, tag = Poly1305 over (associated data, ciphertext) as laid out by <see cref="MacInput"/>,
    /// keyed with 32 fresh key bytes. The one-time key is exactly <see cref="KeyLength"/>(plaintext length) bytes:
    /// bytes [0, 32) are the Poly1305 key r | s, bytes [32, 32 + n) the pad. Sealed output is ciphertext | tag.
    /// </summary>
    /// <remarks>
    /// Every key byte must be used once only (the key pool guarantees it): reusing the pad leaks the XOR of two
    /// plaintexts, reusing the Poly1305 key allows forgeries (RFC 8439 s2.5). The forgery probability is at most
    /// 8 * ceil(L / 16) / 2^106 for a MAC input of L bytes (Bernstein, Poly1305-AES, FSE 2005).
    /// </remarks>
    public static class OneTimePadPoly1305
    {
        /// <summary>The tag length in bytes.</summary>
        public const int TagLength = Poly1305.TagLength;

        /// <summary>Returns the key bytes one message of the given plaintext length consumes: plaintext length + 32.</summary>
        public static int KeyLength(int plaintextLength)
        {
            if (plaintextLength < 0)
            {
                throw new System.ArgumentOutOfRangeException("plaintextLength", "A plaintext length cannot be negative.");
            }

            return plaintextLength + Poly1305.KeyLength;
        }

        /// <summary>
        /// Encrypts and authenticates the plaintext with a one-time key of exactly KeyLength(plaintext length) bytes;
        /// returns ciphertext | tag.
        /// </summary>
        public static byte[] Seal(byte[] oneTimeKey, byte[] associatedData, byte[] plaintext)
        {
            if (plaintext == null)
            {
                throw new System.ArgumentNullException("plaintext");
            }

            Bytes.CheckLength(oneTimeKey, KeyLength(plaintext.Length), "oneTimeKey");
            byte[] sealedMessage = new byte[plaintext.Length + TagLength];
            Bytes.Xor(plaintext, 0, oneTimeKey, Poly1305.KeyLength, sealedMessage, 0, plaintext.Length);
            byte[] tag = ComputeTag(oneTimeKey, associatedData, sealedMessage, plaintext.Length);
            System.Array.Copy(tag, 0, sealedMessage, plaintext.Length, TagLength);
            return sealedMessage;
        }

        /// <summary>
        /// Verifies the tag and, only when it verifies, removes the pad; on any other status
        /// <paramref name="plaintext"/> is null. The key must be the one-time key the sender used.
        /// </summary>
        public static AuthStatus Open(byte[] oneTimeKey, byte[] associatedData, byte[] sealedMessage, out byte[] plaintext)
        {
            plaintext = null;
            if (oneTimeKey == null)
            {
                throw new System.ArgumentNullException("oneTimeKey");
            }

            if (sealedMessage == null)
            {
                throw new System.ArgumentNullException("sealedMessage");
            }

            if (sealedMessage.Length < TagLength)
            {
                return AuthStatus.TooShort;
            }

            int ciphertextLength = sealedMessage.Length - TagLength;
            if (oneTimeKey.Length != KeyLength(ciphertextLength))
            {
                return AuthStatus.LengthMismatch;
            }

            byte[] expected = ComputeTag(oneTimeKey, associatedData, sealedMessage, ciphertextLength);
            if (!ConstantTime.AreEqual(expected, 0, sealedMessage, ciphertextLength, TagLength))
            {
                return AuthStatus.BadTag;
            }

            plaintext = new byte[ciphertextLength];
            Bytes.Xor(sealedMessage, 0, oneTimeKey, Poly1305.KeyLength, plaintext, 0, ciphertextLength);
            return AuthStatus.Authentic;
        }

        private static byte[] ComputeTag(byte[] oneTimeKey, byte[] associatedData, byte[] ciphertext, int count)
        {
            byte[] input = MacInput.Build(null, associatedData, ciphertext, 0, count);
            return Poly1305.ComputeTag(oneTimeKey, 0, input, 0, input.Length);
        }
    }
}
