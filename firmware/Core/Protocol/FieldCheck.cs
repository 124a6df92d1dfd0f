namespace GatewayQkd.Core.Protocol
{
    /// <summary>Range checks shared by the message constructors (encode side) and parsers (decode side).</summary>
    /// <remarks>Throws <see cref="FrameFormatException"/> with <see cref="FrameStatus.MalformedBody"/>, so a parser
    /// reports a bad field exactly as a reader reports a short one, and a caller building a bad message learns why.</remarks>
    public static class FieldCheck
    {
        /// <summary>Throws unless <paramref name="value"/> lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
        public static void InRange(string field, long value, long min, long max)
        {
            if (value < min || value > max)
            {
                throw new FrameFormatException(
                    FrameStatus.MalformedBody,
                    field + ": expected " + min.ToString() + ".." + max.ToString() + ", got " + value.ToString() + ".");
            }
        }

        /// <summary>Throws unless a byte range at <paramref name="offset"/> of <paramref name="length"/> bytes stays inside the 32-bit key stream.</summary>
        public static void InKeyStream(string field, uint offset, int length)
        {
            if ((ulong)offset + (ulong)length > 0x100000000UL)
            {
                throw new FrameFormatException(
                    FrameStatus.MalformedBody, field + ": offset " + offset.ToString() + " + length " + length.ToString() + " runs past 2^32.");
            }
        }

        /// <summary>Throws unless <paramref name="bytes"/> is non-null and exactly <paramref name="length"/> long.</summary>
        public static void Length(string field, byte[] bytes, int length)
        {
            int actual = bytes == null ? -1 : bytes.Length;
            if (actual != length)
            {
                throw new FrameFormatException(
                    FrameStatus.MalformedBody, field + ": expected " + length.ToString() + " bytes, got " + actual.ToString() + ".");
            }
        }
    }
}
