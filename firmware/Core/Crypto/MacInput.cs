namespace GatewayQkd.Core.Crypto
{
    /// <summary>
    /// The byte string a MAC covers in both authenticated constructions:
    /// header | associated data | ciphertext | len(associated data) | len(ciphertext), the lengths as 64-bit
    /// big-endian byte counts. The trailing lengths make the split between associated data and ciphertext
    /// unambiguous (the same idea as the RFC 8439 s2.8 AEAD construction), and the header has a fixed length per
    /// construction (the nonce for AES-CTR + HMAC, empty for the one-time pad).
    /// </summary>
    public static class MacInput
    {
        /// <summary>The length of the two trailing length fields in bytes.</summary>
        public const int LengthFieldsLength = 16;

        /// <summary>
        /// Builds header | ad | ciphertext[offset, offset + count) | be64(ad length) | be64(count); null header or
        /// associated data count as empty.
        /// </summary>
        public static byte[] Build(byte[] header, byte[] associatedData, byte[] ciphertext, int offset, int count)
        {
            Bytes.CheckRange(ciphertext, offset, count, "ciphertext");
            int headerLength = header == null ? 0 : header.Length;
            int adLength = associatedData == null ? 0 : associatedData.Length;
            byte[] input = new byte[headerLength + adLength + count + LengthFieldsLength];
            int at = 0;
            if (headerLength > 0)
            {
                System.Array.Copy(header, 0, input, at, headerLength);
                at += headerLength;
            }

            if (adLength > 0)
            {
                System.Array.Copy(associatedData, 0, input, at, adLength);
                at += adLength;
            }

            System.Array.Copy(ciphertext, offset, input, at, count);
            at += count;
            Bytes.WriteUInt64BigEndian((ulong)adLength, input, at);
            Bytes.WriteUInt64BigEndian((ulong)count, input, at + 8);
            return input;
        }
    }
}
