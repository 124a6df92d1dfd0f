namespace GatewayQkd.Core.Crypto
{
    /// <summary>
    /// The Poly1305 one-time authenticator (RFC 8439 s2.5) in portable managed code: a 32-byte one-time key r | s,
    /// tag = ((sum of message blocks times powers of clamped r) mod 2^130 - 5) + s mod 2^128. A key must authenticate
    /// one message only.
    /// </summary>
    /// <remarks>
    /// Arithmetic mod 2^130 - 5 uses five 26-bit limbs held in uint with ulong products (no BigInteger on
    /// nanoFramework); 2^130 = 5 mod p folds the high products back with a factor 5. There are no data-dependent
    /// branches: the final reduction selects with a mask.
    /// </remarks>
    public static class Poly1305
    {
        /// <summary>The one-time key length in bytes (r then s).</summary>
        public const int KeyLength = 32;

        /// <summary>The tag length in bytes.</summary>
        public const int TagLength = 16;

        private const uint Mask26 = 0x3ffffff;

        /// <summary>Returns the 16-byte tag of the whole message under the 32-byte key.</summary>
        public static byte[] ComputeTag(byte[] key, byte[] message)
        {
            if (message == null)
            {
                throw new System.ArgumentNullException("message");
            }

            return ComputeTag(key, 0, message, 0, message.Length);
        }

        /// <summary>
        /// Returns the 16-byte tag of <paramref name="count"/> message bytes from <paramref name="offset"/> under the
        /// 32 key bytes at <paramref name="keyOffset"/>.
        /// </summary>
        public static byte[] ComputeTag(byte[] key, int keyOffset, byte[] message, int offset, int count)
        {
            Bytes.CheckRange(key, keyOffset, KeyLength, "key");
            Bytes.CheckRange(message, offset, count, "message");

            // r clamped to 0x0ffffffc0ffffffc0ffffffc0fffffff (RFC 8439 s2.5.1), split into 26-bit limbs.
            uint r0 = Bytes.ReadUInt32LittleEndian(key, keyOffset) & 0x3ffffff;
            uint r1 = (Bytes.ReadUInt32LittleEndian(key, keyOffset + 3) >> 2) & 0x3ffff03;
            uint r2 = (Bytes.ReadUInt32LittleEndian(key, keyOffset + 6) >> 4) & 0x3ffc0ff;
            uint r3 = (Bytes.ReadUInt32LittleEndian(key, keyOffset + 9) >> 6) & 0x3f03fff;
            uint r4 = (Bytes.ReadUInt32LittleEndian(key, keyOffset + 12) >> 8) & 0x00fffff;
            uint[] state = new uint[] { 0, 0, 0, 0, 0, r0, r1, r2, r3, r4 };

            byte[] last = new byte[16];
            int full = count / 16;
            for (int block = 0; block < full; block++)
            {
                AddAndMultiply(state, message, offset + (block * 16), 1u << 24);
            }

            int rest = count - (full * 16);
            if (rest > 0)
            {
                // A short final block gets a 0x01 byte after its end instead of the 2^128 bit (RFC 8439 s2.5.1).
                System.Array.Copy(message, offset + (full * 16), last, 0, rest);
                last[rest] = 1;
                AddAndMultiply(state, last, 0, 0);
            }

            byte[] tag = new byte[TagLength];
            Finish(state, key, keyOffset + 16, tag);
            System.Array.Clear(state, 0, state.Length);
            return tag;
        }

        /// <summary>Returns true when the tag of the message equals <paramref name="tag"/> (constant-time compare).</summary>
        public static bool Verify(byte[] key, int keyOffset, byte[] message, int offset, int count, byte[] tag, int tagOffset)
        {
            byte[] expected = ComputeTag(key, keyOffset, message, offset, count);
            return ConstantTime.AreEqual(expected, 0, tag, tagOffset, TagLength);
        }

        // state = h0..h4, r0..r4. Computes h = (h + block) * r mod 2^130 - 5, partially reduced.
        private static void AddAndMultiply(uint[] state, byte[] block, int at, uint highBit)
        {
            uint h0 = state[0] + (Bytes.ReadUInt32LittleEndian(block, at) & Mask26);
            uint h1 = state[1] + ((Bytes.ReadUInt32LittleEndian(block, at + 3) >> 2) & Mask26);
            uint h2 = state[2] + ((Bytes.ReadUInt32LittleEndian(block, at + 6) >> 4) & Mask26);
            uint h3 = state[3] + ((Bytes.ReadUInt32LittleEndian(block, at + 9) >> 6) & Mask26);
            uint h4 = state[4] + ((Bytes.ReadUInt32LittleEndian(block, at + 12) >> 8) | highBit);
            ulong r0 = state[5], r1 = state[6], r2 = state[7], r3 = state[8], r4 = state[9];
            ulong s1 = r1 * 5, s2 = r2 * 5, s3 = r3 * 5, s4 = r4 * 5;

            ulong d0 = (h0 * r0) + (h1 * s4) + (h2 * s3) + (h3 * s2) + (h4 * s1);
            ulong d1 = (h0 * r1) + (h1 * r0) + (h2 * s4) + (h3 * s3) + (h4 * s2);
            ulong d2 = (h0 * r2) + (h1 * r1) + (h2 * r0) + (h3 * s4) + (h4 * s3);
            ulong d3 = (h0 * r3) + (h1 * r2) + (h2 * r1) + (h3 * r0) + (h4 * s4);
            ulong d4 = (h0 * r4) + (h1 * r3) + (h2 * r2) + (h3 * r1) + (h4 * r0);

            d1 += d0 >> 26;
            d2 += d1 >> 26;
            d3 += d2 >> 26;
            d4 += d3 >> 26;
            ulong c = d4 >> 26;
            ulong t0 = (d0 & Mask26) + (c * 5);
            state[0] = (uint)(t0 & Mask26);
            state[1] = (uint)((d1 & Mask26) + (t0 >> 26));
            state[2] = (uint)(d2 & Mask26);
            state[3] = (uint)(d3 & Mask26);
            state[4] = (uint)(d4 & Mask26);
        }

        // Fully reduces h mod 2^130 - 5, adds s mod 2^128 and writes the tag little-endian.
        private static void Finish(uint[] state, byte[] key, int sOffset, byte[] tag)
        {
            uint h0 = state[0], h1 = state[1], h2 = state[2], h3 = state[3], h4 = state[4];
            uint c = h1 >> 26; h1 &= Mask26; h2 += c;
            c = h2 >> 26; h2 &= Mask26; h3 += c;
            c = h3 >> 26; h3 &= Mask26; h4 += c;
            c = h4 >> 26; h4 &= Mask26; h0 += c * 5;
            c = h0 >> 26; h0 &= Mask26; h1 += c;

            // g = h + 5 - 2^130; keep g when it did not go negative (h >= p), else keep h.
            uint g0 = h0 + 5; c = g0 >> 26; g0 &= Mask26;
            uint g1 = h1 + c; c = g1 >> 26; g1 &= Mask26;
            uint g2 = h2 + c; c = g2 >> 26; g2 &= Mask26;
            uint g3 = h3 + c; c = g3 >> 26; g3 &= Mask26;
            uint g4 = h4 + c - (1u << 26);
            uint useG = (g4 >> 31) - 1;
            uint useH = ~useG;
            h0 = (h0 & useH) | (g0 & useG);
            h1 = (h1 & useH) | (g1 & useG);
            h2 = (h2 & useH) | (g2 & useG);
            h3 = (h3 & useH) | (g3 & useG);
            h4 = (h4 & useH) | (g4 & useG);

            // Repack the 130-bit value as four 32-bit words (dropping bits above 2^128) and add s.
            uint w0 = h0 | (h1 << 26);
            uint w1 = (h1 >> 6) | (h2 << 20);
            uint w2 = (h2 >> 12) | (h3 << 14);
            uint w3 = (h3 >> 18) | (h4 << 8);
            ulong f = (ulong)w0 + Bytes.ReadUInt32LittleEndian(key, sOffset);
            Bytes.WriteUInt32LittleEndian((uint)f, tag, 0);
            f = (ulong)w1 + Bytes.ReadUInt32LittleEndian(key, sOffset + 4) + (f >> 32);
            Bytes.WriteUInt32LittleEndian((uint)f, tag, 4);
            f = (ulong)w2 + Bytes.ReadUInt32LittleEndian(key, sOffset + 8) + (f >> 32);
            Bytes.WriteUInt32LittleEndian((uint)f, tag, 8);
            f = (ulong)w3 + Bytes.ReadUInt32LittleEndian(key, sOffset + 12) + (f >> 32);
            Bytes.WriteUInt32LittleEndian((uint)f, tag, 12);
        }
    }
}
