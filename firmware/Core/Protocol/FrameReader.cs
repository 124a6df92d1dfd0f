namespace GatewayQkd.Core.Protocol
{
    /// <summary>
    /// Reads big-endian fields from <c>count</c> bytes of an array starting at <c>offset</c>. Every read checks the
    /// remaining length first and throws <see cref="FrameFormatException"/> ("expected N bytes, got M") instead of
    /// reading past the window.
    /// </summary>
    public sealed class FrameReader
    {
        private readonly byte[] _data;
        private readonly int _end;
        private int _position;

        /// <summary>Creates a reader over <paramref name="count"/> bytes of <paramref name="data"/> from <paramref name="offset"/>.</summary>
        public FrameReader(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new System.ArgumentNullException("data");
            }

            if (offset < 0 || count < 0 || offset > data.Length - count)
            {
                throw new System.ArgumentOutOfRangeException("count", "The window runs outside the array.");
            }

            _data = data;
            _position = offset;
            _end = offset + count;
        }

        /// <summary>Gets the number of bytes not yet read.</summary>
        public int Remaining
        {
            get { return _end - _position; }
        }

        /// <summary>Reads one byte; <paramref name="field"/> names it in the error.</summary>
        public byte ReadByte(string field)
        {
            Require(1, field);
            return _data[_position++];
        }

        /// <summary>Reads a big-endian 16-bit unsigned integer.</summary>
        public ushort ReadUInt16(string field)
        {
            Require(2, field);
            int value = (_data[_position] << 8) | _data[_position + 1];
            _position += 2;
            return (ushort)value;
        }

        /// <summary>Reads a big-endian 32-bit unsigned integer.</summary>
        public uint ReadUInt32(string field)
        {
            Require(4, field);
            uint value = ((uint)_data[_position] << 24) | ((uint)_data[_position + 1] << 16) | ((uint)_data[_position + 2] << 8) | _data[_position + 3];
            _position += 4;
            return value;
        }

        /// <summary>Reads a big-endian 64-bit unsigned integer.</summary>
        public ulong ReadUInt64(string field)
        {
            ulong high = ReadUInt32(field);
            ulong low = ReadUInt32(field);
            return (high << 32) | low;
        }

        /// <summary>Reads <paramref name="count"/> bytes into a new array.</summary>
        public byte[] ReadBytes(int count, string field)
        {
            if (count < 0)
            {
                throw new FrameFormatException(FrameStatus.MalformedBody, field + ": negative length " + count.ToString() + ".");
            }

            Require(count, field);
            byte[] result = new byte[count];
            System.Array.Copy(_data, _position, result, 0, count);
            _position += count;
            return result;
        }

        /// <summary>Throws unless every byte of the window has been read (a frame with trailing bytes is malformed).</summary>
        public void RequireEnd(string what)
        {
            if (_position != _end)
            {
                throw new FrameFormatException(
                    FrameStatus.MalformedBody,
                    what + ": expected 0 bytes after the last field, got " + Remaining.ToString() + ".");
            }
        }

        private void Require(int count, string field)
        {
            int left = _end - _position;
            if (left < count)
            {
                throw new FrameFormatException(
                    FrameStatus.Truncated, field + ": expected " + count.ToString() + " bytes, got " + left.ToString() + ".");
            }
        }
    }
}
