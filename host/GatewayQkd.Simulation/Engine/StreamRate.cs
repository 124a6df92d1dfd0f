namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// A <see cref="KeyStream"/> rate in bits per tick with its reciprocal, computed once per rate (a gateway's V_gen is
/// fixed for the run, so a supplement start costs no division): <see cref="BitsPerTick"/> is
/// bitsPerSecond / <see cref="SimulationTime.TicksPerSecond"/>, the value the level is integrated with. A rate made by
/// <see cref="WithInverse"/> also carries the stream's inverse for every bit count up to a bound, as a table.
/// </summary>
internal readonly struct StreamRate(double bitsPerSecond)
{
    private StreamRate(double bitsPerSecond, long[] inverse)
        : this(bitsPerSecond)
    {
        Inverse = inverse;
    }

    public double BitsPerTick { get; } = bitsPerSecond / SimulationTime.TicksPerSecond;

    /// <summary>Gets ticks per bit, only a first estimate for <see cref="KeyStream"/>'s exact inverse.</summary>
    public double TicksPerBit { get; } = SimulationTime.TicksPerSecond / bitsPerSecond;

    /// <summary>Gets, at index b, the smallest dt with floor(dt x <see cref="BitsPerTick"/>) &gt;= b (null: none kept).</summary>
    public long[]? Inverse { get; }

    /// <summary>
    /// Returns the rate with its inverse tabulated for 0..<paramref name="maxBits"/> bits (a pool's capacity bounds every
    /// supplement of DDKA's, and the wake-ups of the requests it holds), each entry computed by
    /// <see cref="KeyStream.TicksToDeliver(long, double, double)"/> itself, so a look-up returns exactly what the
    /// computation would. A supplement start and a wake-up then cost one load instead of three roundings.
    /// </summary>
    public static StreamRate WithInverse(double bitsPerSecond, int maxBits)
    {
        var rate = new StreamRate(bitsPerSecond);
        var inverse = new long[maxBits + 1];
        for (int bits = 0; bits <= maxBits; bits++)
        {
            inverse[bits] = KeyStream.TicksToDeliver(bits, rate.BitsPerTick, rate.TicksPerBit);
        }

        return new StreamRate(bitsPerSecond, inverse);
    }
}
