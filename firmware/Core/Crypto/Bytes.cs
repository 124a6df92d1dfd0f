namespace GatewayQkd.Core.Crypto
{
    /// <summary>
    /// Small byte-array helpers shared by the crypto constructions and the rest of the core: range checks, XOR,
    /// big- and little-endian integer reads and writes, copies and erasure.
    /// </summary>
    /// <remarks>Written for the nanoFramework subset: arrays with offset and count instead of spans.</remarks>
    public static class Bytes
    {
        /// <summary>Throws a clear argument error when the array is null or [offset, offset + count) is not inside it.</summary>
        public static void CheckRange(byte[] array, int offset, int count, string name)
        {
            if (array == null)
            {
                throw new System.ArgumentNullException(name);
            }

            if (offset < 0 || count < 0 || offset > array.Length - count)
            {
                throw new System.ArgumentOutOfRangeException(
                    name,
                    "The range (offset " + offset.ToString() + ", count " + count.ToString() + ") does not fit in "
                    + array.Length.ToString() + " bytes.");
            }
        }

        /// <summary>Throws a clear argument error when the array is null or not exactly <paramref name="length"/> bytes long.</summary>
        public static void CheckLength(byte[] array, int length, string name)
        {
            if (array == null)
            {
                throw new System.ArgumentNullException(name);
            }

            if (array.Length != length)
            {
                throw new System.ArgumentException(
                    name + " must be " + length.ToString() + " bytes, got " + array.Length.ToString() + ".", name);
            }
        }

        /// <summary>Writes <paramref name="count"/> bytes of a XOR b into <paramref name="destination"/> (which may be a or b).</summary>
        public static void Xor(byte[] a, int aOffset, byte[] b, int bOffset, byte[] destination, int destinationOffset, int count)
        {
            CheckRange(a, aOffset, count, "a");
            CheckRange(b, bOffset, count, "b");
            CheckRange(destination, destinationOffset, count, "destination");
            for (int i = 0; i < count; i++)
            {
                destination[destinationOffset + i] = (byte)(a[aOffset + i] ^ b[bOffset + i]);
            }
        }

        /// <summary>Returns a new array holding <paramref name="count"/> bytes of <paramref name="source"/> from <paramref name="offset"/>.</summary>
        public static byte[] CopyOf(byte[] source, int offset, int count)
        {
            CheckRange(source, offset, count, "source");
            byte[] copy = new byte[count];
            System.Array.Copy(source, offset, copy, 0, count);
            return copy;
        }

        /// <summary>Overwrites the whole array with zeros (no-op for null), so key material does not linger in memory.</summary>
        public static void Erase(byte[] array)
        {
            if (array != null)
            {
                System.Array.Clear(array, 0, array.Length);
            }
        }

        /// <summary>Reads a big-endian 32-bit unsigned integer at <paramref name="offset"/>.</summary>
        public static uint ReadUInt32BigEndian(byte[] source, int offset)
        {
            CheckRange(source, offset, 4, "source");
            return ((uint)source[offset] << 24) | ((uint)source[offset + 1] << 16)
                | ((uint)source[offset + 2] << 8) | source[offset + 3];
        }

        /// <summary>Writes a 32-bit unsigned integer big-endian at <paramref name="offset"/>.</summary>
        public static void WriteUInt32BigEndian(uint value, byte[] destination, int offset)
        {
            CheckRange(destination, offset, 4, "destination");
            destination[offset] = (byte)(value >> 24);
            destination[offset + 1] = (byte)(value >> 16);
            destination[offset + 2] = (byte)(value >> 8);
            destination[offset + 3] = (byte)value;
        }

        /// <summary>Reads a big-endian 64-bit unsigned integer at <paramref name="offset"/>.</summary>
        public static ulong ReadUInt64BigEndian(byte[] source, int offset)
        {
            return ((ulong)ReadUInt32BigEndian(source, offset) << 32) | ReadUInt32BigEndian(source, offset + 4);
        }

        /// <summary>Writes a 64-bit unsigned integer big-endian at <paramref name="offset"/>.</summary>
        public static void WriteUInt64BigEndian(ulong value, byte[] destination, int offset)
        {
            WriteUInt32BigEndian((uint)(value >> 32), destination, offset);
            WriteUInt32BigEndian((uint)value, destination, offset + 4);
        }

        /// <summary>Reads a little-endian 32-bit unsigned integer at <paramref name="offset"/> (Poly1305 is little-endian).</summary>
        public static uint ReadUInt32LittleEndian(byte[] source, int offset)
        {
            CheckRange(source, offset, 4, "source");
            return source[offset] | ((uint)source[offset + 1] << 8)
                | ((uint)source[offset + 2] << 16) | ((uint)source[offset + 3] << 24);
        }

        /// <summary>Writes a 32-bit unsigned integer little-endian at <paramref name="offset"/>.</summary>
        public static void WriteUInt32LittleEndian(uint value, byte[] destination, int offset)
        {
            CheckRange(destination, offset, 4, "destination");
            destination[offset] = (byte)value;
            destination[offset + 1] = (byte)(value >> 8);
            destination[offset + 2] = (byte)(value >> 16);
            destination[offset + 3] = (byte)(value >> 24);
        }
    }
}
