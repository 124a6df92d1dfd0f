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
        CheckPercentile(p);
        var sorted = SortedBetween(0, int.MaxValue);
        return sorted.Length == 0 ? double.NaN : NearestRank(sorted, p);
    }

    /// <summary>Returns p50, p90, p99 and the maximum (NaN when empty).</summary>
    public LatencySummary Summarize() => SummarizeSince(0);

    /// <summary>
    /// Returns p50, p90, p99 and the maximum of the values recorded after the first <paramref name="first"/> (a
    /// measurement window that leaves out a warm-up: pass <see cref="Count"/> read at the window's start).
    /// </summary>
    public LatencySummary SummarizeSince(int first) => SummarizeBetween(first, int.MaxValue);

    /// <summary>
    /// Returns p50, p90, p99 and the maximum of the values recorded from index <paramref name="first"/> up to, not
    /// including, <paramref name="end"/> (a window with both ends: pass <see cref="Count"/> read at its start and end).
    /// </summary>
    public LatencySummary SummarizeBetween(int first, int end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, first);
        var sorted = SortedBetween(first, end);
        return sorted.Length == 0
            ? new(0, double.NaN, double.NaN, double.NaN, double.NaN)
            : new(sorted.Length, NearestRank(sorted, 50), NearestRank(sorted, 90), NearestRank(sorted, 99), NearestRank(sorted, 100));
    }

    private double[] SortedBetween(int first, int end)
    {
        double[] sorted;
        lock (_values)
        {
            var last = Math.Min(end, _values.Count);
            sorted = first >= last ? [] : _values.GetRange(first, last - first).ToArray();
        }

        Array.Sort(sorted);
        return sorted;
    }

    // Nearest rank: the smallest value with at least p % at or below it.
    private static double NearestRank(double[] sorted, double p)
    {
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }

    private static void CheckPercentile(double p)
    {
        if (!(p > 0 && p <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile is in (0, 100].");
        }
    }
}
