namespace GatewayQkd.Emulation.Metrics;

/// <summary>Collects latencies in milliseconds and reports nearest-rank percentiles. Thread-safe.</summary>
public sealed class LatencyRecorder
{
    private readonly List<double> _values = [];

    /// <summary>Gets the number of recorded values.</summary>
    public int Count
    {
        get
        {
            lock (_values)
            {
                return _values.Count;
            }
        }
    }

    /// <summary>Records one latency (non-negative, finite).</summary>
    public void Record(double milliseconds)
    {
        if (!(milliseconds >= 0) || !double.IsFinite(milliseconds))
        {
            throw new ArgumentOutOfRangeException(nameof(milliseconds), milliseconds, "A latency is a finite non-negative number of milliseconds.");
        }

        lock (_values)
        {
            _values.Add(milliseconds);
        }
    }

    /// <summary>Returns the p-th percentile (0 &lt; p &lt;= 100) by the nearest-rank method, or NaN with no values.</summary>
    public double Percentile(double p)
    {
        if (!(p > 0 && p <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile is in (0, 100].");
        }

        double[] sorted;
        lock (_values)
        {
            if (_values.Count == 0)
            {
                return double.NaN;
            }

            sorted = [.. _values];
        }

        Array.Sort(sorted);
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length); // nearest rank: the smallest value with at least p % at or below it
        return sorted[Math.Max(rank, 1) - 1];
    }

    /// <summary>Returns p50, p90, p99 and the maximum (NaN when empty).</summary>
    public LatencySummary Summarize() => new(Count, Percentile(50), Percentile(90), Percentile(99), Percentile(100));
}
