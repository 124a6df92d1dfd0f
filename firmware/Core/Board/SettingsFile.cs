using System.Collections;
using GatewayQkd.Core.Crypto;

namespace GatewayQkd.Core.Board
{
    /// <summary>
    /// The gateway's settings file (hardware/bench-guide.md "Settings file"): UTF-8 text, one <c>key=value</c> per line,
    /// blank lines and lines starting with '#' ignored, a first line <c>check.crc32=</c> verified against the rest
    /// (<see cref="SettingsChecksum"/>), keys from a fixed list (or with an allowed prefix, such as
    /// <c>sensor.</c>), each at most once. Parsing rejects the whole file on the first problem with a
    /// <see cref="System.FormatException"/> naming the line and key, so a bad file never half-configures a gateway.
    /// </summary>
    public sealed class SettingsFile
    {
        /// <summary>
        /// The largest settings file accepted, in characters: 8192. A file with 64 sensors is about 5.5 KB; the limit
        /// bounds the boot-time buffers (bytes, string, lines: about 3 x 8 KB, hardware/memory-budget.md).
        /// </summary>
        public const int MaxLength = 8192;

        /// <summary>
        /// The longest line accepted, in characters: 512. The longest real line is an <c>mqtt.host</c> name (at most
        /// 253 characters, RFC 1035 s2.3.4) with its key; a longer line is a pasted-in mistake, refused before it is kept.
        /// </summary>
        public const int MaxLineLength = 512;

        private readonly Hashtable _values = new Hashtable();
        private readonly Hashtable _lines = new Hashtable();
        private readonly ArrayList _keys = new ArrayList();

        private SettingsFile()
        {
        }

        /// <summary>
        /// Parses settings text. A key is accepted when it equals one of <paramref name="keys"/> or starts with one of
        /// <paramref name="prefixes"/> (followed by at least one character).
        /// </summary>
        /// <exception cref="System.FormatException">The text is too long, a line has no '=', a key is unknown, repeated or empty.</exception>
        public static SettingsFile Parse(string text, string[] keys, string[] prefixes)
        {
            if (text == null || keys == null || prefixes == null)
            {
                throw new System.ArgumentNullException("text", "Settings text and the key lists are required.");
            }

            if (text.Length > MaxLength)
            {
                throw new System.FormatException("Settings: the file has " + text.Length.ToString() + " characters, more than the " + MaxLength.ToString() + " accepted.");
            }

            // Windows editors may start a UTF-8 file with a byte order mark; it would glue itself to the first key.
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text.Substring(1);
            }

            text = SettingsChecksum.Verify(text);
            SettingsFile file = new SettingsFile();
            string[] lines = text.Split(new char[] { '\n' });
            for (int i = 0; i < lines.Length; i++)
            {
                file.AddLine(lines[i].Trim(), i + 1, keys, prefixes);
            }

            return file;
        }

        /// <summary>Gets the keys present, in file order.</summary>
        public string[] Keys
        {
            get { return (string[])_keys.ToArray(typeof(string)); }
        }

        /// <summary>Returns true when the key is present.</summary>
        public bool Has(string key)
        {
            return _values.Contains(key);
        }

        /// <summary>Returns a required, non-empty value.</summary>
        /// <exception cref="System.FormatException">The key is missing or empty.</exception>
        public string GetString(string key)
        {
            string value = (string)_values[key];
            if (value == null || value.Length == 0)
            {
                throw new System.FormatException("Settings: required key '" + key + "' is " + (value == null ? "missing." : "empty."));
            }

            return value;
        }

        /// <summary>Returns a value, or <paramref name="fallback"/> when the key is absent.</summary>
        public string GetString(string key, string fallback)
        {
            return _values.Contains(key) ? (string)_values[key] : fallback;
        }

        /// <summary>Returns a whole number in [min, max], or <paramref name="fallback"/> when the key is absent.</summary>
        /// <exception cref="System.FormatException">The value is not a whole number in range.</exception>
        public long GetLong(string key, long min, long max, long fallback)
        {
            if (!_values.Contains(key))
            {
                return fallback;
            }

            long value;
            if (!long.TryParse((string)_values[key], out value) || value < min || value > max)
            {
                throw Bad(key, "is not a whole number in " + min.ToString() + ".." + max.ToString());
            }

            return value;
        }

        /// <summary>Returns a required whole number in [min, max].</summary>
        /// <exception cref="System.FormatException">The key is missing or its value is not a whole number in range.</exception>
        public long GetLong(string key, long min, long max)
        {
            GetString(key);
            return GetLong(key, min, max, 0);
        }

        /// <summary>Returns a decimal number in [min, max] (a '.' as decimal point), or <paramref name="fallback"/> when absent.</summary>
        /// <exception cref="System.FormatException">The value is not a number in range.</exception>
        public double GetDouble(string key, double min, double max, double fallback)
        {
            if (!_values.Contains(key))
            {
                return fallback;
            }

            double value;
            if (!double.TryParse((string)_values[key], out value) || !(value >= min && value <= max))
            {
                throw Bad(key, "is not a number in " + min.ToString() + ".." + max.ToString());
            }

            return value;
        }

        /// <summary>Returns a required 32-byte key written as 64 hex digits.</summary>
        /// <exception cref="System.FormatException">The key is missing or is not 64 hex digits.</exception>
        public byte[] GetKey256(string key)
        {
            string text = GetString(key);
            byte[] bytes;
            try
            {
                bytes = Hex.Decode(text);
            }
            catch (System.FormatException)
            {
                bytes = null;
            }

            if (bytes == null || bytes.Length != 32)
            {
                // The value is secret: name the line and the problem, never echo it.
                throw new System.FormatException("Settings line " + LineOf(key).ToString() + " (" + key + "): not a 256-bit key written as 64 hex digits (got " + text.Length.ToString() + " characters).");
            }

            return bytes;
        }

        /// <summary>Returns the file line a key was read from (0 when absent).</summary>
        public int LineOf(string key)
        {
            return _lines.Contains(key) ? (int)_lines[key] : 0;
        }

        private static bool Allowed(string key, string[] keys, string[] prefixes)
        {
            for (int i = 0; i < keys.Length; i++)
            {
                if (key == keys[i])
                {
                    return true;
                }
            }

            for (int i = 0; i < prefixes.Length; i++)
            {
                if (key.Length > prefixes[i].Length && key.StartsWith(prefixes[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private void AddLine(string line, int number, string[] keys, string[] prefixes)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                return;
            }

            int equals = line.IndexOf('=');
            if (line.Length > MaxLineLength)
            {
                string named = equals > 0 && Allowed(line.Substring(0, equals).Trim(), keys, prefixes) ? " (" + line.Substring(0, equals).Trim() + ")" : string.Empty;
                throw new System.FormatException("Settings line " + number.ToString() + named + ": " + line.Length.ToString() + " characters, more than the " + MaxLineLength.ToString() + " accepted.");
            }

            if (equals <= 0)
            {
                // The line is not echoed: it may be a key or password pasted on a line of its own.
                throw new System.FormatException("Settings line " + number.ToString() + ": expected key=value, found " + (equals == 0 ? "no key before '='." : "no '='."));
            }

            string key = line.Substring(0, equals).Trim();
            if (!Allowed(key, keys, prefixes))
            {
                throw new System.FormatException("Settings line " + number.ToString() + ": unknown key '" + key + "'.");
            }

            if (_values.Contains(key))
            {
                throw new System.FormatException("Settings line " + number.ToString() + ": key '" + key + "' repeats line " + ((int)_lines[key]).ToString() + ".");
            }

            _values[key] = line.Substring(equals + 1).Trim();
            _lines[key] = number;
            _keys.Add(key);
        }

        private System.FormatException Bad(string key, string problem)
        {
            return new System.FormatException("Settings line " + LineOf(key).ToString() + " (" + key + "): '" + (string)_values[key] + "' " + problem + ".");
        }
    }
}
