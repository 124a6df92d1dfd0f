using GatewayQkd.Core.Ports;

namespace GatewayQkd.TestSupport;

/// <summary>A reproducible random source for tests and simulations (System.Random with a fixed seed; not for keys in production).</summary>
public sealed class SeededRandomSource(int seed) : IRandomSource
{
    private readonly Random _random = new(seed);

    /// <inheritdoc />
    public void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
#pragma warning disable CA5394 // deliberately reproducible, test-only randomness
        _random.NextBytes(buffer);
#pragma warning restore CA5394
    }
}
