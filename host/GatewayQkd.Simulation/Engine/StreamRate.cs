namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// A <see cref="KeyStream"/> rate in bits per tick with its reciprocal, computed once per rate (a gateway's V_gen is
/// fixed for the run, so a supplement start costs no division): <see cref="BitsPerTick"/> is
/// bitsPerSecond / <see cref="SimulationTime.TicksPerSecond"/>, the value the level is integrated with.
/// </summary>
internal readonly struct StreamRate
{
    /// <summary>Creates a rate whose inverse is computed on every call.</summary>
    public StreamRate(double bitsPerSecond)
    {
        BitsPerTick = bitsPerSecond / SimulationTime.TicksPerSecond;
        TicksPerBit = SimulationTime.TicksPerSecond / bitsPerSecond;
    }

    private StreamRate(double bitsPerSecond, long[] deliveryTicks)
        : this(bitsPerSecond)
    {
        DeliveryTicks = deliveryTicks;
    }

    public double BitsPerTick { get; }

    /// <summary>Gets ticks per bit, only a first estimate for <see cref="KeyStream"/>'s exact inverse.</summary>
    public double TicksPerBit { get; }

    /// <summary>
    /// Gets the exact inverse (<see cref="KeyStream"/>'s ticks to deliver n bits) memoised by n from 1 up to the
    /// table's length - 1 (0: not computed yet), or null when it is computed on every call.
    /// </summary>
    public long[]? DeliveryTicks { get; }

    /// <summary>
    /// Creates a rate that memoises its inverse for up to <paramref name="maxBits"/> bits (capped at 2^16: 512 KiB).
    /// A V_gen stream asks the inverse at every supplement start and wake-up, for sizes below the pool capacity;
    /// each computation was a chain of three rounded multiplies (about 6 % of a DDKA run).
    /// </summary>
    public static StreamRate Tabulated(double bitsPerSecond, long maxBits) =>
        new(bitsPerSecond, new long[Math.Clamp(maxBits, 0, 1 << 16) + 1]);
}
