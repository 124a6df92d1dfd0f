using GatewayQkd.Core.Crypto;
using GatewayQkd.Core.Pool;

namespace GatewayQkd.Core.Board
{
    /// <summary>
    /// The settings file's integrity line (docs/storage-layout.md "Settings file"): a file gatewayqkd writes starts with
    /// <c>check.crc32=</c> and eight hex digits, the CRC-32 of the UTF-8 bytes of everything after that line. Parsing a
    /// file whose first line is a check line refuses it unless the rest matches, so one flipped bit anywhere, or a file
    /// cut short at any offset, gives a clear error instead of a gateway with a wrong id, key, sensor list or limit
    /// (CRC-32 detects every single-bit error and every burst of up to 32 bits: Koopman, "32-Bit Cyclic Redundancy
    /// Codes for Internet Applications", DSN 2002, s2). The check sits first so that cutting the file anywhere after it
    /// still leaves it to compare against. A file without a check line (written by hand) is read as it is.
    /// </summary>
    /// <remarks>
    /// The check guards against damage, not against someone who can write the file: the file holds the board's keys in
    /// plain text, so a writer of the file owns the board anyway. A single flipped bit that turns the check line itself
    /// into a comment (c to #) leaves the rest intact; any other change to the check line is refused.
    /// </remarks>
    public static class SettingsChecksum
    {
        /// <summary>The check line's key.</summary>
        public const string Key = "check.crc32";

        /// <summary>Returns <paramref name="body"/> with its check line in front.</summary>
        public static string Seal(string body)
        {
            if (body == null)
            {
                throw new System.ArgumentNullException("body");
            }

            return Key + "=" + Digest(body) + "\n" + body;
        }

        /// <summary>
        /// Returns the text to parse: unchanged when its first line is no check line, else the text with the verified
        /// check line left blank (so every other line keeps its number in error messages).
        /// </summary>
        /// <exception cref="System.FormatException">The check line is malformed, or the rest of the file does not match it.</exception>
        public static string Verify(string text)
        {
            if (text == null)
            {
                throw new System.ArgumentNullException("text");
            }

            int newline = text.IndexOf('\n');
            string first = newline < 0 ? text : text.Substring(0, newline);
            int equals = first.IndexOf('=');
            if (equals <= 0 || first.Substring(0, equals).Trim() != Key)
            {
                return text;
            }

            if (newline < 0)
            {
                throw new System.FormatException("Settings line 1 (" + Key + "): the file ends after its check line; it was cut short.");
            }

            string value = first.Substring(equals + 1).Trim();
            string body = text.Substring(newline + 1);
            if (value.Length != 8 || !IsHex(value))
            {
                throw new System.FormatException("Settings line 1 (" + Key + "): expected 8 hex digits, found " + value.Length.ToString() + " characters; the file is damaged.");
            }

            if (value != Digest(body))
            {
                throw new System.FormatException("Settings: the file does not match its " + Key + " line: it is damaged or cut short, or was edited after gatewayqkd wrote it. " +
                    "Write it again (gatewayqkd emulate --board-config), or delete line 1 to use a hand-edited file.");
            }

            return "\n" + body;
        }

        private static string Digest(string body)
        {
            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(body);
            uint crc = Crc32.Compute(bytes, 0, bytes.Length);
            return Hex.Encode(new byte[] { (byte)(crc >> 24), (byte)(crc >> 16), (byte)(crc >> 8), (byte)crc });
        }

        private static bool IsHex(string value)
        {
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
