using System.Collections;
using GatewayQkd.Core.Crypto;

namespace GatewayQkd.Device.Tests
{
    /// <summary>
    /// One line of a vectors file (tests/vectors/*.txt): <c>suite|case|name=hex|name=hex|...</c>, split with
    /// string.Split only (docs/crypto.md describes the format).
    /// </summary>
    public sealed class VectorLine
    {
        private readonly Hashtable _values = new Hashtable();

        private VectorLine(string suite, string name)
        {
            Suite = suite;
            Name = name;
        }

        /// <summary>Gets the suite (first field), e.g. hmac-sha256.</summary>
        public string Suite { get; private set; }

        /// <summary>Gets the case name (second field), e.g. rfc4231-case1.</summary>
        public string Name { get; private set; }

        /// <summary>Parses one non-comment line; throws FormatException naming the line when a field has no '='.</summary>
        public static VectorLine Parse(string line, int number)
        {
            string[] fields = line.Split(new char[] { '|' });
            if (fields.Length < 3)
            {
                throw new System.FormatException("Vectors line " + number.ToString() + ": fewer than three '|' fields.");
            }

            VectorLine vector = new VectorLine(fields[0], fields[1]);
            for (int i = 2; i < fields.Length; i++)
            {
                string[] pair = fields[i].Split(new char[] { '=' }, 2);
                if (pair.Length != 2)
                {
                    throw new System.FormatException("Vectors line " + number.ToString() + ": field '" + fields[i] + "' has no '='.");
                }

                vector._values[pair[0]] = pair[1];
            }

            return vector;
        }

        /// <summary>Returns the bytes of a named hex field; throws FormatException when the field is missing.</summary>
        public byte[] Bytes(string field)
        {
            string hex = (string)_values[field];
            if (hex == null)
            {
                throw new System.FormatException("Vector " + Suite + "/" + Name + " has no field '" + field + "'.");
            }

            return Hex.Decode(hex);
        }
    }
}
