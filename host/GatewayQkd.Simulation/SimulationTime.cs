namespace GatewayQkd.Simulation;

/// <summary>
/// Simulated time is an integer count of 10 ns ticks, so sums and comparisons stay exact at any horizon: a long holds
/// 9.2e18 ticks = 9.2e10 s (about 2900 years), far beyond 10^9 requests at the paper's loads. Doubles appear only
/// for rates and for the reported seconds.
/// </summary>
public static class SimulationTime
{
    /// <summary>Ticks per second (one tick is 10 ns).</summary>
    public const long TicksPerSecond = 100_000_000;

    /// <summary>The longest horizon a run may plan for: half the tick range, leaving room for the last services.</summary>
    public const double MaxHorizonSeconds = long.MaxValue / 2.0 / TicksPerSecond;

    /// <summary>Converts seconds to whole ticks (rounded to nearest).</summary>
    public static long ToTicks(double seconds) => checked((long)Math.Round(seconds * TicksPerSecond));

    /// <summary>Converts ticks to seconds.</summary>
    public static double ToSeconds(long ticks) => ticks / (double)TicksPerSecond;

    /// <summary>Converts a sum of ticks to seconds.</summary>
    public static double ToSeconds(Int128 ticks) => (double)ticks / TicksPerSecond;
}
