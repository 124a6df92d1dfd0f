namespace GatewayQkd.Simulation.Statistics;

/// <summary>
/// Streaming per-request delay statistics in constant memory (eqs. (8)-(10) parts, SR, quantiles), in ticks: sums
/// are exact 128-bit integers, so the means of 10^9 requests carry no rounding; the variance uses a floating sum of
/// squares (relative error near 1e-9 at that count).
/// </summary>
public sealed class DelayStatistics
{
    private Int128 _slot;
    private Int128 _key;
    private Int128 _transmission;
    private double _squares;

    /// <summary>Gets the number of requests recorded.</summary>
    public long Count { get; private set; }

    /// <summary>Gets the number of requests served with no waiting (SR's numerator).</summary>
    public long NoWait { get; private set; }

    /// <summary>Gets the largest T_sum in ticks.</summary>
    public long Max { get; private set; }

    /// <summary>Gets the T_sum histogram (ticks) for quantiles.</summary>
    public LogHistogram Histogram { get; } = new();

    /// <summary>Gets the mean T_sum in seconds.</summary>
    public double MeanTotal => Mean(TotalTicks);

    /// <summary>Gets the mean t_wait (waiting for the QKP slot) in seconds.</summary>
    public double MeanSlotWait => Mean(_slot);

    /// <summary>Gets the mean wait for keys at the head (T_wait plus generation of the missing bits) in seconds.</summary>
    public double MeanKeyWait => Mean(_key);

    /// <summary>Gets the mean T_tra in seconds.</summary>
    public double MeanTransmission => Mean(_transmission);

    /// <summary>Gets the sample standard deviation of T_sum in seconds.</summary>
    public double StdDevTotal
    {
        get
        {
            if (Count < 2)
            {
                return 0;
            }

            double mean = (double)TotalTicks / Count;
            double variance = (_squares - (Count * mean * mean)) / (Count - 1);
            return Math.Sqrt(Math.Max(0, variance)) / SimulationTime.TicksPerSecond;
        }
    }

    /// <summary>Records one served request (ticks).</summary>
    public void Record(long slotWait, long keyWait, long transmission)
    {
        long total = slotWait + keyWait + transmission;
        Count++;
        _slot += slotWait;
        _key += keyWait;
        _transmission += transmission;
        _squares += (double)total * total;
        if (total > Max)
        {
            Max = total;
        }

        Histogram.Add(total);
        if ((slotWait | keyWait) == 0)
        {
            NoWait++;
        }
    }

    /// <summary>Gets the exact sum of T_sum: the sum of its parts (one 128-bit addition per request fewer).</summary>
    private Int128 TotalTicks => _slot + _key + _transmission;

    private double Mean(Int128 sum) => Count == 0 ? 0 : (double)sum / Count / SimulationTime.TicksPerSecond;
}
