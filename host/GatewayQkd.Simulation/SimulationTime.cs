namespace GatewayQkd.Simulation;

/// <summary>
/// The simulator keeps time in seconds (double) and hands the core integer microseconds, the unit of
/// <see cref="GatewayQkd.Core.Scheduling.KeyRequest.ArrivalTime"/> and the slot length here.
/// </summary>
public static class SimulationTime
{
    /// <summary>Time units per second.</summary>
    public const double UnitsPerSecond = 1_000_000.0;

    /// <summary>Converts seconds to whole microseconds (rounded to nearest).</summary>
    public static long ToUnits(double seconds) => (long)Math.Round(seconds * UnitsPerSecond);

    /// <summary>Converts microseconds to seconds.</summary>
    public static double ToSeconds(long units) => units / UnitsPerSecond;
}
