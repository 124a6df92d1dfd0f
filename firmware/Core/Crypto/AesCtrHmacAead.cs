using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Crypto
{
    /// <summary>
    /// Encrypt-then-MAC authenticated encryption: AES-256-CTR for confidentiality and HMAC-SHA256 truncated to
    /// <see cref="TagLength"/> bytes over nonce, associated data, ciphertext and both lengths (see
    /// <see cref="MacInput"/>). The AES and HMAC keys are two independent 32-byte halves of
    /// HKDF-SHA256(master key, salt = empty, info = "GatewayQkd AES-256-CTR HMAC-SHA256 v1", L = 64).
    /// Sealed output is ciphertext | tag; the ciphertext is as long as the plaintext.
    /// </summary>
    /// <remarks>
    /// The nonce is the 16-byte initial counter block of <see cref="AesCtr"/> and must never repeat under one master
    /// key (fresh QKD keys may use a fixed nonce; a long-lived device key needs a counter or random nonce). The tag is
    /// 128 bits, the truncation RFC 2104 s5 and NIST SP 800-107 Rev.1 allow for HMAC. Opening verifies the tag in
    /// constant time before decrypting anything.
    /// </remarks>
    public sealed class AesCtrHmacAead
    {
        /// <summary>The nonce (initial counter block) length in bytes.</summary>
        public const int NonceLength = AesCtr.BlockLength;

        /// <summary>The tag length in bytes: HMAC-SHA256 truncated to its first 16 bytes.</summary>
        public const int TagLength = 16;

        /// <summary>The shortest master key accepted, in bytes (128 bits, K_sec level 1).</summary>
        public const int MinMasterKeyLength = 16;

        /// <summary>The HKDF info string that separates these keys from any other use of the master key.</summary>
        public const string KeyDerivationInfo = "GatewayQkd AES-256-CTR HMAC-SHA256 v1";

        private readonly ICryptoPrimitives _primitives;
        private readonly Hkdf _hkdf;
        private readonly AesCtr _ctr;
        private readonly byte[] _info;

        /// <summary>Creates the construction on the given primitives.</summary>
        public AesCtrHmacAead(ICryptoPrimitives primitives)
        {
            _hkdf = new Hkdf(primitives);
            _ctr = new AesCtr(primitives);
            _primitives = primitives;
            _info = System.Text.Encoding.UTF8.GetBytes(KeyDerivationInfo);
        }

        /// <summary>Returns the sealed length (plaintext length + tag) for a plaintext of the given length.</summary>
        public static int SealedLength(int plaintextLength)
        {
            return plaintextLength + TagLength;
        }

        /// <summary>Encrypts and authenticates the whole plaintext; returns ciphertext | tag.</summary>
        public byte[] Seal(byte[] masterKey, byte[] nonce, byte[] associatedData, byte[] plaintext)
        {
            if (plaintext == null)
            {
                throw new System.ArgumentNullException("plaintext");
            }

            return Seal(masterKey, nonce, associatedData, plaintext, 0, plaintext.Length);
        }

        /// <summary>Encrypts and authenticates <paramref name="count"/> plaintext bytes from <paramref name="offset"/>; returns ciphertext | tag.</summary>
        public byte[] Seal(byte[] masterKey, byte[] nonce, byte[] associatedData, byte[] plaintext, int offset, int count)
        {
            Bytes.CheckRange(plaintext, offset, count, "plaintext");
            byte[] encKey;
            byte[] macKey;
            DeriveKeys(masterKey, nonce, out encKey, out macKey);
            try
            {
                byte[] sealedMessage = new byte[count + TagLength];
                _ctr.Transform(encKey, nonce, plaintext, offset, count, sealedMessage, 0);
                byte[] tag = ComputeTag(macKey, nonce, associatedData, sealedMessage, 0, count);
                System.Array.Copy(tag, 0, sealedMessage, count, TagLength);
                return sealedMessage;
            }
            finally
            {
                Bytes.Erase(encKey);
                Bytes.Erase(macKey);
            }
        }

        /// <summary>Verifies and decrypts a whole sealed message (ciphertext | tag).</summary>
        public AuthStatus Open(byte[] masterKey, byte[] nonce, byte[] associatedData, byte[] sealedMessage, out byte[] plaintext)
        {
            if (sealedMessage == null)
            {
                throw new System.ArgumentNullException("sealedMessage");
            }

            return Open(masterKey, nonce, associatedData, sealedMessage, 0, sealedMessage.Length, out plaintext);
        }

        /// <summary>
        /// Verifies the tag of the sealed message in [offset, offset + count) and, only when it verifies, decrypts;
        /// on any other status <paramref name="plaintext"/> is null and nothing was decrypted.
        /// </summary>
        public AuthStatus Open(byte[] masterKey, byte[] nonce, byte[] associatedData, byte[] sealedMessage, int offset, int count, out byte[] plaintext)
        {
            Bytes.CheckRange(sealedMessage, offset, count, "sealedMessage");
            plaintext = null;
            byte[] encKey;
            byte[] macKey;
            DeriveKeys(masterKey, nonce, out encKey, out macKey);
            try
            {
                if (count < TagLength)
                {
                    return AuthStatus.TooShort;
                }

                int ciphertextLength = count - TagLength;
                byte[] expected = ComputeTag(macKey, nonce, associatedData, sealedMessage, offset, ciphertextLength);
                if (!ConstantTime.AreEqual(expected, 0, sealedMessage, offset + ciphertextLength, TagLength))
                {
                    return AuthStatus.BadTag;
                }

                plaintext = _ctr.Transform(encKey, nonce, sealedMessage, offset, ciphertextLength);
                return AuthStatus.Authentic;
            }
            finally
            {
                Bytes.Erase(encKey);
                Bytes.Erase(macKey);
            }
        }

        private void DeriveKeys(byte[] masterKey, byte[] nonce, out byte[] encKey, out byte[] macKey)
        {
            if (masterKey == null)
            {
                throw new System.ArgumentNullException("masterKey");
            }

            if (masterKey.Length < MinMasterKeyLength)
            {
                throw new System.ArgumentException(
                    "The master key must be at least " + MinMasterKeyLength.ToString() + " bytes, got "
                    + masterKey.Length.ToString() + ".", "masterKey");
            }

            Bytes.CheckLength(nonce, NonceLength, "nonce");
            byte[] keys = _hkdf.DeriveKey(masterKey, null, _info, 2 * AesCtr.KeyLength);
            encKey = Bytes.CopyOf(keys, 0, AesCtr.KeyLength);
            macKey = Bytes.CopyOf(keys, AesCtr.KeyLength, AesCtr.KeyLength);
            Bytes.Erase(keys);
        }

        private byte[] ComputeTag(byte[] macKey, byte[] nonce, byte[] associatedData, byte[] ciphertext, int offset, int count)
        {
            byte[] input = MacInput.Build(nonce, associatedData, ciphertext, offset, count);
            byte[] full = _primitives.HmacSha256(macKey, input, 0, input.Length);
            byte[] tag = Bytes.CopyOf(full, 0, TagLength);
            Bytes.Erase(full);
            return tag;
        }
    }
}
