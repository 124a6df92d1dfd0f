namespace GatewayQkd.Core.Ports
{
    /// <summary>
    /// The crypto natives of the platform the core runs on: AES block encryption (ECB) and HMAC-SHA256. Everything
    /// else (AES-256 where the native lacks it, CTR, HKDF, encrypt-then-MAC, Poly1305) is built on these in the core.
    /// </summary>
    /// <remarks>
    /// The ESP32's native AES (nanoFramework Aes, mbedTLS) is AES-128 only: nanoframework/nf-interpreter
    /// src/nanoFramework.System.Security.Cryptography/nf_sys_sec_cryptography_System_Security_Cryptography_Aes.cpp
    /// line 13 selects MBEDTLS_CIPHER_AES_128_ECB and lines 138-140 turn any other key length into
    /// CLR_E_INVALID_PARAMETER (an ArgumentException; nanoframework/System.Security.Cryptography AesTests_ECB.cs:132).
    /// So the board reports <see cref="NativeAes256"/> false and the core computes AES-256 with
    /// <see cref="GatewayQkd.Core.Crypto.Aes256"/>; the host has hardware AES-256 and reports true.
    /// Implementations are safe to call from one thread at a time.
    /// </remarks>
    public interface ICryptoPrimitives
    {
        /// <summary>Gets whether <see cref="EncryptBlocks"/> takes 32-byte (AES-256) keys; false on the ESP32.</summary>
        bool NativeAes256 { get; }

        /// <summary>
        /// Encrypts <paramref name="count"/> bytes (a multiple of 16) of <paramref name="input"/> from
        /// <paramref name="offset"/> as independent AES blocks (ECB) with the native AES and returns the ciphertext.
        /// The key is 16 bytes (AES-128), or 32 bytes (AES-256) only when <see cref="NativeAes256"/> is true; any
        /// other length throws an <see cref="System.ArgumentException"/>, as the board's native does.
        /// </summary>
        byte[] EncryptBlocks(byte[] key, byte[] input, int offset, int count);

        /// <summary>Returns the 32-byte HMAC-SHA256 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>; any key length (RFC 2104).</summary>
        byte[] HmacSha256(byte[] key, byte[] data, int offset, int count);
    }
}
