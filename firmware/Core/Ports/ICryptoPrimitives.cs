namespace GatewayQkd.Core.Ports
{
    /// <summary>
    /// The two primitives nanoFramework has natively on ESP32 (mbedTLS): AES-256 block encryption (ECB) and
    /// HMAC-SHA256. Everything else (HKDF, CTR, encrypt-then-MAC, one-time MAC) is built on these in the core.
    /// </summary>
    /// <remarks>Implementations are stateless and safe to call from one thread at a time.</remarks>
    public interface ICryptoPrimitives
    {
        /// <summary>
        /// Encrypts <paramref name="count"/> bytes (a multiple of 16) of <paramref name="input"/> from
        /// <paramref name="offset"/> as independent AES-256 blocks (ECB) under a 32-byte key and returns the ciphertext.
        /// </summary>
        byte[] EncryptBlocks(byte[] key, byte[] input, int offset, int count);

        /// <summary>Returns the 32-byte HMAC-SHA256 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        byte[] HmacSha256(byte[] key, byte[] data, int offset, int count);
    }
}
