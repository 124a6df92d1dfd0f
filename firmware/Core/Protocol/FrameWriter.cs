namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Writes big-endian fields into a byte array of fixed size (the frame's exact length is known before writing).
    /// </summary>
    /// <remarks>Writing past the end is a programming error and throws <see cref="System.InvalidOperationException"/>.</remarks>
    public sealed class FrameWriter
    {
        private readonly byte[] _buffer;
        private int _position;

        /// <summary>Creates a writer over a new zeroed buffer of <paramref name="length"/> bytes.</summary>
        public FrameWriter(int length)
        {
            if (length < 0)
            {
                throw new System.ArgumentOutOfRangeException("length", "A frame cannot have a negative length.");
            }

            _buffer = new byte[length];
        }

        /// <summary>Gets the number of bytes written so far.</summary>
        public int Position
        {
            get { return _position; }
        }

        /// <summary>Gets the buffer (all of it; check <see cref="Position"/> for how much is written).</summary>
        public byte[] Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Writes one byte.</summary>
        public void WriteByte(byte value)
        {
            Reserve(1);
            _buffer[_position++] = value;
        }

        /// <summary>Writes a 16-bit unsigned integer, most significant byte first.</summary>
        public void WriteUInt16(ushort value)
        {
            Reserve(2);
            _buffer[_position++] = (byte)(value >> 8);
            _buffer[_position++] = (byte)value;
        }

        /// <summary>Writes a 32-bit unsigned integer, most significant byte first.</summary>
        public void WriteUInt32(uint value)
        {
            Reserve(4);
            _buffer[_position++] = (byte)(value >> 24);
            _buffer[_position++] = (byte)(value >> 16);
            _buffer[_position++] = (byte)(value >> 8);
            _buffer[_position++] = (byte)value;
        }

        /// <summary>Writes a 64-bit unsigned integer, most significant byte first.</summary>
        public void WriteUInt64(ulong value)
        {
            WriteUInt32((uint)(value >> 32));
            WriteUInt32((uint)value);
        }

        /// <summary>Writes <paramref name="count"/> bytes of <paramref name="source"/> from <paramref name="offset"/>.</summary>
        public void WriteBytes(byte[] source, int offset, int count)
        {
            Reserve(count);
            System.Array.Copy(source, offset, _buffer, _position, count);
            _position += count;
        }

        private void Reserve(int count)
        {
            if (count < 0 || _buffer.Length - _position < count)
            {
                throw new System.InvalidOperationException(
                    "Frame writer overflow: " + count.ToString() + " bytes do not fit in the " + (_buffer.Length - _position).ToString() + " left.");
            }
        }
    }
}
