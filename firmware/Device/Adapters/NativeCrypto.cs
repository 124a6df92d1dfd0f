using System.Security.Cryptography;
using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Ports;

namespace GatewayQkd.Device.Adapters
{
    /// <summary>
    /// The two crypto primitives the core builds on, from nanoFramework's native (mbedTLS) implementations:
    /// AES-256 in ECB mode (Aes(CipherMode.ECB), a 32-byte key selects AES-256) and HMAC-SHA256
    /// (reference/nanoframework-facts.md section 5). Checked on the board by the known-answer vectors of
    /// tests/GatewayQkd.Device.Tests.
    /// </summary>
    internal sealed class NativeCrypto : ICryptoPrimitives
    {
        /// <inheritdoc />
        public byte[] EncryptBlocks(byte[] key, byte[] input, int offset, int count)
        {
            Bytes.CheckLength(key, 32, "key");
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
