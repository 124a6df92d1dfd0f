namespace GatewayQkd.Core.Crypto
{
    /// <summary>
    /// AES-256 block encryption in portable managed code (FIPS-197: key expansion s5.2 with Nk = 8, Nr = 14; cipher
    /// s5.1), for platforms whose native AES has no 256-bit keys: the ESP32's nanoFramework Aes is AES-128 only
    /// (nanoframework/nf-interpreter src/nanoFramework.System.Security.Cryptography/
    /// nf_sys_sec_cryptography_System_Security_Cryptography_Aes.cpp lines 13 and 138-140). Only the forward cipher
    /// is needed: CTR mode decrypts by encrypting counter blocks.
    /// </summary>
    /// <remarks>
    /// One keyed instance holds the 60-word key schedule, so a long-lived key (a link's wrap key) is expanded once.
    /// Rounds 1-13 use one 256-word table T[x] = (2 S[x], S[x], S[x], 3 S[x]) and byte rotations of it for the other
    /// three columns of MixColumns (the 32-bit formulation of FIPS-197 s5.1, Daemen and Rijmen, "The Design of
    /// Rijndael", s4.2): 1 KiB of table instead of 4 KiB. The S-box is computed from its definition (multiplicative
    /// inverse in GF(2^8) followed by the affine map, FIPS-197 s5.1.1) rather than typed in. Table lookups are indexed
    /// by secret bytes; docs/crypto.md s2.1 discusses the timing exposure on the ESP32.
    /// </remarks>
    public sealed class Aes256
    {
        /// <summary>The key length in bytes.</summary>
        public const int KeyLength = 32;

        /// <summary>The block length in bytes.</summary>
        public const int BlockLength = 16;

        /// <summary>The number of rounds for a 256-bit key (FIPS-197 s5, Nr = 14).</summary>
        public const int Rounds = 14;

        private const int ScheduleWords = 4 * (Rounds + 1);

        private static readonly byte[] SBox = BuildSBox();
        private static readonly uint[] Table = BuildTable();

        private readonly uint[] _schedule = new uint[ScheduleWords];

        /// <summary>Expands <paramref name="key"/> (exactly 32 bytes) into the round keys.</summary>
        public Aes256(byte[] key)
        {
            Bytes.CheckLength(key, KeyLength, "key");
            for (int i = 0; i < 8; i++)
            {
                _schedule[i] = Bytes.ReadUInt32BigEndian(key, 4 * i);
            }

            uint roundConstant = 0x01;
            for (int i = 8; i < ScheduleWords; i++)
            {
                uint temp = _schedule[i - 1];
                if (i % 8 == 0)
                {
                    // SubWord(RotWord(temp)) xor Rcon[i/8], Rcon = x^(i/8 - 1) in GF(2^8) in the high byte.
                    temp = SubWord((temp << 8) | (temp >> 24)) ^ (roundConstant << 24);
                    roundConstant = Double(roundConstant);
                }
                else if (i % 8 == 4)
                {
                    temp = SubWord(temp);
                }

                _schedule[i] = _schedule[i - 8] ^ temp;
            }
        }

        /// <summary>Returns the encryption of <paramref name="count"/> bytes (whole blocks) of <paramref name="input"/> from <paramref name="offset"/>, block by block (ECB).</summary>
        public byte[] EncryptBlocks(byte[] input, int offset, int count)
        {
            Bytes.CheckRange(input, offset, count, "input");
            byte[] output = new byte[count];
            EncryptBlocks(input, offset, count, output, 0);
            return output;
        }

        /// <summary>
        /// Writes the encryption of <paramref name="count"/> bytes (a multiple of 16) of <paramref name="input"/> to
        /// <paramref name="output"/> from <paramref name="outputOffset"/>; input and output may be the same array.
        /// </summary>
        public void EncryptBlocks(byte[] input, int offset, int count, byte[] output, int outputOffset)
        {
            Bytes.CheckRange(input, offset, count, "input");
            Bytes.CheckRange(output, outputOffset, count, "output");
            if (count % BlockLength != 0)
            {
                throw new System.ArgumentException("AES input must be whole 16-byte blocks, got " + count.ToString() + " bytes.", "count");
            }

            for (int done = 0; done < count; done += BlockLength)
            {
                EncryptBlock(input, offset + done, output, outputOffset + done);
            }
        }

        /// <summary>Overwrites the key schedule with zeros; the instance must not be used afterwards.</summary>
        public void Erase()
        {
            for (int i = 0; i < ScheduleWords; i++)
            {
                _schedule[i] = 0;
            }
        }

        private void EncryptBlock(byte[] input, int inOffset, byte[] output, int outOffset)
        {
            uint[] k = _schedule;
            uint[] t = Table;
            uint s0 = Bytes.ReadUInt32BigEndian(input, inOffset) ^ k[0];
            uint s1 = Bytes.ReadUInt32BigEndian(input, inOffset + 4) ^ k[1];
            uint s2 = Bytes.ReadUInt32BigEndian(input, inOffset + 8) ^ k[2];
            uint s3 = Bytes.ReadUInt32BigEndian(input, inOffset + 12) ^ k[3];
            int r = 4;
            for (int round = 1; round < Rounds; round++)
            {
                // Column j of SubBytes + ShiftRows + MixColumns takes row i from column j + i (FIPS-197 s5.1.2-5.1.3).
                uint n0 = t[s0 >> 24] ^ Ror8(t[(s1 >> 16) & 0xFF]) ^ Ror16(t[(s2 >> 8) & 0xFF]) ^ Ror24(t[s3 & 0xFF]) ^ k[r];
                uint n1 = t[s1 >> 24] ^ Ror8(t[(s2 >> 16) & 0xFF]) ^ Ror16(t[(s3 >> 8) & 0xFF]) ^ Ror24(t[s0 & 0xFF]) ^ k[r + 1];
                uint n2 = t[s2 >> 24] ^ Ror8(t[(s3 >> 16) & 0xFF]) ^ Ror16(t[(s0 >> 8) & 0xFF]) ^ Ror24(t[s1 & 0xFF]) ^ k[r + 2];
                uint n3 = t[s3 >> 24] ^ Ror8(t[(s0 >> 16) & 0xFF]) ^ Ror16(t[(s1 >> 8) & 0xFF]) ^ Ror24(t[s2 & 0xFF]) ^ k[r + 3];
                s0 = n0;
                s1 = n1;
                s2 = n2;
                s3 = n3;
                r += 4;
            }

            // The last round has no MixColumns (FIPS-197 s5.1, Figure 5).
            Bytes.WriteUInt32BigEndian(LastRound(s0, s1, s2, s3) ^ k[r], output, outOffset);
            Bytes.WriteUInt32BigEndian(LastRound(s1, s2, s3, s0) ^ k[r + 1], output, outOffset + 4);
            Bytes.WriteUInt32BigEndian(LastRound(s2, s3, s0, s1) ^ k[r + 2], output, outOffset + 8);
            Bytes.WriteUInt32BigEndian(LastRound(s3, s0, s1, s2) ^ k[r + 3], output, outOffset + 12);
        }

        private static uint LastRound(uint a, uint b, uint c, uint d)
        {
            byte[] s = SBox;
            return ((uint)s[a >> 24] << 24) | ((uint)s[(b >> 16) & 0xFF] << 16) | ((uint)s[(c >> 8) & 0xFF] << 8) | s[d & 0xFF];
        }

        private static uint SubWord(uint w)
        {
            return LastRound(w, w, w, w);
        }

        private static uint Ror8(uint w)
        {
            return (w >> 8) | (w << 24);
        }

        private static uint Ror16(uint w)
        {
            return (w >> 16) | (w << 16);
        }

        private static uint Ror24(uint w)
        {
            return (w >> 24) | (w << 8);
        }

        // Multiplication by x (xtime, FIPS-197 s4.2.1) on the low byte.
        private static uint Double(uint b)
        {
            uint shifted = b << 1;
            return ((b & 0x80) != 0 ? shifted ^ 0x1B : shifted) & 0xFF;
        }

        private static byte[] BuildSBox()
        {
            // Walk the multiplicative group with generator 3: p runs through 3^i, q through 3^-i, so q = p^-1
            // (FIPS-197 s4.2); then the affine map b ^ rotl(b,1) ^ rotl(b,2) ^ rotl(b,3) ^ rotl(b,4) ^ 0x63 (s5.1.1).
            byte[] box = new byte[256];
            uint p = 1;
            uint q = 1;
            do
            {
                p = p ^ Double(p);
                q ^= q << 1;
                q ^= q << 2;
                q ^= q << 4;
                q &= 0xFF;
                if ((q & 0x80) != 0)
                {
                    q ^= 0x09;
                }

                uint affine = q ^ Rotl8(q, 1) ^ Rotl8(q, 2) ^ Rotl8(q, 3) ^ Rotl8(q, 4);
                box[p] = (byte)(affine ^ 0x63);
            }
            while (p != 1);
            box[0] = 0x63; // 0 has no inverse; FIPS-197 maps it to 0 before the affine step
            return box;
        }

        private static uint Rotl8(uint b, int n)
        {
            return ((b << n) | (b >> (8 - n))) & 0xFF;
        }

        private static uint[] BuildTable()
        {
            byte[] box = SBox; // initialised first: static fields initialise in textual order
            uint[] table = new uint[256];
            for (int x = 0; x < 256; x++)
            {
                uint s = box[x];
                uint s2 = Double(s);
                uint s3 = s2 ^ s;
                table[x] = (s2 << 24) | (s << 16) | (s << 8) | s3;
            }

            return table;
        }
    }
}
