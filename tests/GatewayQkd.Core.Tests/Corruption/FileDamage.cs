namespace GatewayQkd.Core.Tests.Corruption;

/// <summary>The damage a stored file can suffer: one bit flipped anywhere, or the file cut short at any length.</summary>
internal static class FileDamage
{
    /// <summary>Every single-bit flip of <paramref name="file"/>, labelled "bit N".</summary>
    public static IEnumerable<(string Label, byte[] Content)> BitFlips(byte[] file)
    {
        for (var bit = 0; bit < file.Length * 8; bit++)
        {
            var damaged = (byte[])file.Clone();
            damaged[bit / 8] ^= (byte)(1 << (bit % 8));
            yield return ($"bit {bit}", damaged);
        }
    }

    /// <summary>Every truncation of <paramref name="file"/> to 0 .. length - 1 bytes, labelled "cut at N".</summary>
    public static IEnumerable<(string Label, byte[] Content)> Truncations(byte[] file)
    {
        for (var length = 0; length < file.Length; length++)
        {
            yield return ($"cut at {length}", file[..length]);
        }
    }

    /// <summary>Every bit flip and every truncation.</summary>
    public static IEnumerable<(string Label, byte[] Content)> All(byte[] file) => BitFlips(file).Concat(Truncations(file));
}
