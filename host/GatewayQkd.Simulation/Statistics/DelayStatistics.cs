namespace GatewayQkd.Simulation.Statistics;

/// <summary>Streaming per-request delay statistics in constant memory (eqs. (8)-(10) parts, SR, quantiles).</summary>
public sealed class DelayStatistics
{
    /// <summary>Gets T_sum per request.</summary>
    public RunningMean Total { get; } = new();

    /// <summary>Gets t_wait: waiting for the QKP slot (earlier requests in service or ahead in the queue).</summary>
    public RunningMean SlotWait { get; } = new();

    /// <summary>Gets the wait for keys at the head (T_wait plus the generation of the missing bits).</summary>
    public RunningMean KeyWait { get; } = new();

    /// <summary>Gets T_tra = K_qua t_tra.</summary>
    public RunningMean Transmission { get; } = new();

    /// <summary>Gets the T_sum histogram for quantiles.</summary>
    public LogHistogram Histogram { get; } = new();

    /// <summary>Gets the number of requests served with no waiting (SR's numerator).</summary>
    public long NoWait { get; private set; }

    /// <summary>Records one served request.</summary>
    public void Record(double slotWait, double keyWait, double transmission)
    {
        double total = slotWait + keyWait + transmission;
        Total.Add(total);
        SlotWait.Add(slotWait);
        KeyWait.Add(keyWait);
        Transmission.Add(transmission);
        Histogram.Add(total);
        if (slotWait <= 0 && keyWait <= 0)
        {
            NoWait++;
        }
    }
}
