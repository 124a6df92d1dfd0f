namespace GatewayQkd.Core.Pool
{
    /// <summary>
    /// Reads and writes unsigned integers little-endian at a byte position, independent of the CPU's byte order
    /// (the pool's file formats are fixed little-endian, see docs/storage-layout.md).
    /// </summary>
    internal static class LittleEndian
    {
        /// <summary>Writes a 16-bit value.</summary>
        public static void PutUInt16(byte[] buffer, int position, ushort value)
        {
            buffer[position] = (byte)value;
            buffer[position + 1] = (byte)(value >> 8);
        }

        /// <summary>Writes a 32-bit value.</summary>
        public static void PutUInt32(byte[] buffer, int position, uint value)
        {
            buffer[position] = (byte)value;
            buffer[position + 1] = (byte)(value >> 8);
            buffer[position + 2] = (byte)(value >> 16);
            buffer[position + 3] = (byte)(value >> 24);
        }

        /// <summary>Writes a 64-bit value.</summary>
        public static void PutUInt64(byte[] buffer, int position, ulong value)
        {
            PutUInt32(buffer, position, (uint)value);
            PutUInt32(buffer, position + 4, (uint)(value >> 32));
        }

        /// <summary>Reads a 16-bit value.</summary>
        public static ushort GetUInt16(byte[] buffer, int position)
        {
            return (ushort)(buffer[position] | (buffer[position + 1] << 8));
        }

        /// <summary>Reads a 32-bit value.</summary>
        public static uint GetUInt32(byte[] buffer, int position)
        {
            return (uint)buffer[position] | ((uint)buffer[position + 1] << 8) | ((uint)buffer[position + 2] << 16) | ((uint)buffer[position + 3] << 24);
        }

        /// <summary>Reads a 64-bit value.</summary>
        public static ulong GetUInt64(byte[] buffer, int position)
        {
            return GetUInt32(buffer, position) | ((ulong)GetUInt32(buffer, position + 4) << 32);
        }
    }
}
