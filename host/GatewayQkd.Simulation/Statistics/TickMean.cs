namespace GatewayQkd.Simulation.Statistics;

/// <summary>Count and mean of non-negative tick durations with an exact 128-bit sum (no division per value).</summary>
public sealed class TickMean
{
    private Int128 _sum;

    /// <summary>Gets the count.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the mean in seconds (0 when empty).</summary>
    public double MeanSeconds => Count == 0 ? 0 : SimulationTime.ToSeconds(_sum) / Count;

    /// <summary>Adds a duration in ticks.</summary>
    public void Add(long ticks)
    {
        Count++;
        _sum += ticks;
    }
}
