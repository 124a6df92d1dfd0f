namespace GatewayQkd.Core.Tests.Crypto;

/// <summary>Reproducible random inputs for cross-checks (fixed seeds, so a failing case can be replayed).</summary>
internal sealed class SeededBytes(int seed)
{
    private readonly Random _random = new(seed);

    public byte[] Next(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    public int Length(int maxInclusive) => _random.Next(maxInclusive + 1);
}
