namespace GatewayQkd.Core.Crypto
{
    /// <summary>
    /// Comparisons whose running time does not depend on the secret bytes compared, so a tag check does not tell an
    /// attacker how many leading bytes of a forged tag were right.
    /// </summary>
    public static class ConstantTime
    {
        /// <summary>
        /// Returns true when the two ranges of <paramref name="count"/> bytes are equal; every byte is always visited.
        /// </summary>
        public static bool AreEqual(byte[] a, int aOffset, byte[] b, int bOffset, int count)
        {
            Bytes.CheckRange(a, aOffset, count, "a");
            Bytes.CheckRange(b, bOffset, count, "b");
            int difference = 0;
            for (int i = 0; i < count; i++)
            {
                difference |= a[aOffset + i] ^ b[bOffset + i];
            }

            return difference == 0;
        }

        /// <summary>
        /// Returns true when both arrays have the same length and content; lengths are public, so a length mismatch
        /// returns false at once, while equal-length contents are compared in constant time.
        /// </summary>
        public static bool AreEqual(byte[] a, byte[] b)
        {
            if (a == null || b == null)
            {
                throw new System.ArgumentNullException(a == null ? "a" : "b");
            }

            return a.Length == b.Length && AreEqual(a, 0, b, 0, a.Length);
        }
    }
}
