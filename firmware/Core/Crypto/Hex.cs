namespace GatewayQkd.Core.Crypto
{
    /// <summary>Lower-case hexadecimal text for byte arrays (test vectors, logs of key ids and tags).</summary>
    public static class Hex
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>Returns the lower-case hex text of the array (two characters per byte, no separators).</summary>
        public static string Encode(byte[] bytes)
        {
            if (bytes == null)
            {
                throw new System.ArgumentNullException("bytes");
            }

            char[] text = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                text[2 * i] = Digits[bytes[i] >> 4];
                text[(2 * i) + 1] = Digits[bytes[i] & 0x0f];
            }

            return new string(text);
        }

        /// <summary>Parses hex text (either case, no separators; empty text gives an empty array).</summary>
        /// <exception cref="System.FormatException">The text has an odd length or a non-hex character.</exception>
        public static byte[] Decode(string text)
        {
            if (text == null)
            {
                throw new System.ArgumentNullException("text");
            }

            if (text.Length % 2 != 0)
            {
                throw new System.FormatException("Hex text must have an even number of digits, got " + text.Length.ToString() + ".");
            }

            byte[] bytes = new byte[text.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((DigitValue(text, 2 * i) << 4) | DigitValue(text, (2 * i) + 1));
            }

            return bytes;
        }

        private static int DigitValue(string text, int index)
        {
            char c = text[index];
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            throw new System.FormatException("Not a hex digit at position " + index.ToString() + ": '" + c.ToString() + "'.");
        }
    }
}
