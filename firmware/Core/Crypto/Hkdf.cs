using GatewayQkd.Core.Ports;

namespace GatewayQkd.Core.Crypto
{
    /// <summary>
    /// HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key from input key material, expand it into as many
    /// output bytes as needed, or both in one call.
    /// </summary>
    /// <remarks>Stateless apart from the primitives port; HMAC-SHA256 comes from <see cref="ICryptoPrimitives"/>.</remarks>
    public sealed class Hkdf
    {
        /// <summary>The HMAC-SHA256 output length in bytes (HashLen in RFC 5869).</summary>
        public const int HashLength = 32;

        /// <summary>The longest output Expand can produce: 255 * HashLen bytes (RFC 5869 s2.3).</summary>
        public const int MaxOutputLength = 255 * HashLength;

        // The default salt, shared: ports never change a key, and one array lets a host port keep its keyed HMAC.
        private static readonly byte[] ZeroSalt = new byte[HashLength];

        private readonly ICryptoPrimitives _primitives;

        /// <summary>Creates an HKDF-SHA256 on the given primitives.</summary>
        public Hkdf(ICryptoPrimitives primitives)
        {
            if (primitives == null)
            {
                throw new System.ArgumentNullException("primitives");
            }

            _primitives = primitives;
        }

        /// <summary>
        /// Returns PRK = HMAC-SHA256(salt, IKM) (RFC 5869 s2.2); a null or empty salt means HashLen zero bytes.
        /// </summary>
        public byte[] Extract(byte[] salt, byte[] inputKeyMaterial)
        {
            if (inputKeyMaterial == null)
            {
                throw new System.ArgumentNullException("inputKeyMaterial");
            }

            byte[] key = salt == null || salt.Length == 0 ? ZeroSalt : salt;
            return _primitives.HmacSha256(key, inputKeyMaterial, 0, inputKeyMaterial.Length);
        }

        /// <summary>
        /// Returns the first <paramref name="length"/> bytes of T(1) | T(2) | ... where
        /// T(i) = HMAC-SHA256(PRK, T(i-1) | info | i) and T(0) is empty (RFC 5869 s2.3); a null info means empty.
        /// </summary>
        public byte[] Expand(byte[] pseudorandomKey, byte[] info, int length)
        {
            if (pseudorandomKey == null)
            {
                throw new System.ArgumentNullException("pseudorandomKey");
            }

            if (pseudorandomKey.Length < HashLength)
            {
                throw new System.ArgumentException(
                    "The PRK must be at least " + HashLength.ToString() + " bytes (RFC 5869 s2.3), got "
                    + pseudorandomKey.Length.ToString() + ".", "pseudorandomKey");
            }

            if (length <= 0 || length > MaxOutputLength)
            {
                throw new System.ArgumentOutOfRangeException(
                    "length", "HKDF output must be 1.." + MaxOutputLength.ToString() + " bytes, asked for " + length.ToString() + ".");
            }

            int infoLength = info == null ? 0 : info.Length;

            // One buffer laid out as T(i-1) | info | i; the first round skips the (empty) T(0) by starting at HashLength.
            byte[] block = new byte[HashLength + infoLength + 1];
            if (infoLength > 0)
            {
                System.Array.Copy(info, 0, block, HashLength, infoLength);
            }

            byte[] output = new byte[length];
            int written = 0;
            for (int i = 1; written < length; i++)
            {
                block[block.Length - 1] = (byte)i;
                int start = i == 1 ? HashLength : 0;
                byte[] t = _primitives.HmacSha256(pseudorandomKey, block, start, block.Length - start);
                int take = length - written < HashLength ? length - written : HashLength;
                System.Array.Copy(t, 0, output, written, take);
                System.Array.Copy(t, 0, block, 0, HashLength);
                written += take;
                Bytes.Erase(t);
            }

            Bytes.Erase(block);
            return output;
        }

        /// <summary>Returns Expand(Extract(salt, IKM), info, length): HKDF in one call (RFC 5869 s2).</summary>
        public byte[] DeriveKey(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length)
        {
            byte[] prk = Extract(salt, inputKeyMaterial);
            try
            {
                return Expand(prk, info, length);
            }
            finally
            {
                Bytes.Erase(prk);
            }
        }
    }
}
