namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// CRC-32 as used by IEEE 802.3, zlib and PNG (reflected polynomial 0xEDB88320, initial value and final XOR
    /// 0xFFFFFFFF); the check value of the ASCII string "123456789" is 0xCBF43926.
    /// </summary>
    /// <remarks>Detects torn and corrupted storage records; it is not a cryptographic checksum.</remarks>
    public static class Crc32
    {
        private static uint[] _table;

        /// <summary>Computes the CRC-32 of <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public static uint Compute(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new System.ArgumentNullException("data");
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new System.ArgumentOutOfRangeException("count", "The byte range lies outside the array.");
            }

            uint[] table = Table();
            uint crc = 0xFFFFFFFFu;
            for (int i = offset; i < offset + count; i++)
            {
                crc = table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            }

            return crc ^ 0xFFFFFFFFu;
        }

        private static uint[] Table()
        {
            if (_table == null)
            {
                uint[] table = new uint[256];
                for (uint n = 0; n < 256; n++)
                {
                    uint c = n;
                    for (int k = 0; k < 8; k++)
                    {
                        c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
                    }

                    table[n] = c;
                }

                _table = table;
            }

            return _table;
        }
    }
}
