namespace GatewayQkd.Core.Tests.Crypto;

/// <summary>Tampering helper: a copy of the bytes with one bit inverted.</summary>
internal static class BitFlip
{
    public static byte[] Flip(byte[] bytes, int bit)
    {
        var copy = (byte[])bytes.Clone();
        copy[bit / 8] ^= (byte)(1 << (bit % 8));
        return copy;
    }
}
