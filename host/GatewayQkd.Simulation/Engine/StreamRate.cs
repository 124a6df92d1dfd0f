namespace GatewayQkd.Simulation.Engine;

/// <summary>
/// A <see cref="KeyStream"/> rate in bits per tick with its reciprocal, computed once per rate (a gateway's V_gen is
/// fixed for the run, so a supplement start costs no division): <see cref="BitsPerTick"/> is
/// bitsPerSecond / <see cref="SimulationTime.TicksPerSecond"/>, the value the level is integrated with.
/// </summary>
internal readonly struct StreamRate(double bitsPerSecond)
{
    public double BitsPerTick { get; } = bitsPerSecond / SimulationTime.TicksPerSecond;

    /// <summary>Gets ticks per bit, only a first estimate for <see cref="KeyStream"/>'s exact inverse.</summary>
    public double TicksPerBit { get; } = SimulationTime.TicksPerSecond / bitsPerSecond;
}
