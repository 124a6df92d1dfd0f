using System.Security.Cryptography;
using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Device.Adapters
{
    /// <summary>
    /// The board's crypto natives (mbedTLS): AES-128 in ECB mode and HMAC-SHA256. The native Aes is AES-128 only
    /// (nanoframework/nf-interpreter src/nanoFramework.System.Security.Cryptography/
    /// nf_sys_sec_cryptography_System_Security_Cryptography_Aes.cpp line 13, MBEDTLS_CIPHER_AES_128_ECB; lines 138-140
    /// reject other key lengths), so this port reports <see cref="NativeAes256"/> false and the core computes AES-256
    /// with its managed Aes256. HMACSHA256.HashData takes any key length (nf_sys_sec_cryptography_System_Security_
    /// Cryptography_HMACSHA256.cpp line 50, mbedtls_md_hmac_starts). The host twin of exactly these rules is
    /// tests/GatewayQkd.TestSupport/BoardCryptoPrimitives.cs; tests/GatewayQkd.Device.Tests checks this class on the board.
    /// </summary>
    internal sealed class NativeCrypto : ICryptoPrimitives
    {
        /// <summary>The only key length the native AES takes (AES-128).</summary>
        public const int NativeAesKeyLength = 16;

        /// <inheritdoc />
        public bool NativeAes256
        {
            get { return false; }
        }

        /// <inheritdoc />
        public byte[] EncryptBlocks(byte[] key, byte[] input, int offset, int count)
        {
            Bytes.CheckLength(key, NativeAesKeyLength, "key");
            Bytes.CheckRange(input, offset, count, "input");
            if (count % 16 != 0)
            {
                throw new System.ArgumentException("AES-ECB input must be whole 16-byte blocks, got " + count.ToString() + " bytes.", "count");
            }

            Aes aes = new Aes(CipherMode.ECB);
            aes.Key = key;
            return aes.Encrypt(offset == 0 && count == input.Length ? input : Bytes.CopyOf(input, offset, count));
        }

        /// <inheritdoc />
        public byte[] HmacSha256(byte[] key, byte[] data, int offset, int count)
        {
            if (key == null)
            {
                throw new System.ArgumentNullException("key");
            }

            Bytes.CheckRange(data, offset, count, "data");
            return HMACSHA256.HashData(key, offset == 0 && count == data.Length ? data : Bytes.CopyOf(data, offset, count));
        }
    }
}
