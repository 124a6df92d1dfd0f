namespace GatewayQkd.Simulation.Statistics;

/// <summary>Count, mean, variance (Welford's update), minimum and maximum of a stream, in constant memory.</summary>
public sealed class RunningMean
{
    private double _m2;

    /// <summary>Gets the count.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the mean (0 when empty).</summary>
    public double Mean { get; private set; }

    /// <summary>Gets the largest value (0 when empty).</summary>
    public double Max { get; private set; }

    /// <summary>Gets the sample variance (0 below two values).</summary>
    public double Variance => Count > 1 ? _m2 / (Count - 1) : 0;

    /// <summary>Adds a value.</summary>
    public void Add(double value)
    {
        Count++;
        double delta = value - Mean;
        Mean += delta / Count;
        _m2 += delta * (value - Mean);
        if (Count == 1 || value > Max)
        {
            Max = value;
        }
    }
}
