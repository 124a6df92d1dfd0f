namespace GatewayQkd.Simulation.Statistics;

/// <summary>
/// A fixed log-spaced histogram for streaming quantiles in bounded memory: 100 bins per decade from 1e-4 to 1e7 (so a
/// quantile is within about 2.3 % of the exact order statistic; values outside are clamped into the end bins).
/// </summary>
public sealed class LogHistogram
{
    private const double MinValue = 1e-4;
    private const int Decades = 11;
    private const int BinsPerDecade = 100;
    private readonly long[] _bins = new long[(Decades * BinsPerDecade) + 1];

    /// <summary>Gets the number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds a non-negative value.</summary>
    public void Add(double value)
    {
        _bins[BinOf(value)]++;
        Count++;
    }

    /// <summary>Adds another histogram's counts.</summary>
    public void Merge(LogHistogram other)
    {
        for (int i = 0; i < _bins.Length; i++)
        {
            _bins[i] += other._bins[i];
        }

        Count += other.Count;
    }

    /// <summary>Returns the q-quantile (0..1) as the geometric middle of its bin; NaN when empty.</summary>
    public double Quantile(double q)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        long rank = Math.Max(1, (long)Math.Ceiling(q * Count));
        long seen = 0;
        for (int i = 0; i < _bins.Length; i++)
        {
            seen += _bins[i];
            if (seen >= rank)
            {
                return MinValue * Math.Pow(10, (i + 0.5) / BinsPerDecade);
            }
        }

        return MinValue * Math.Pow(10, Decades);
    }

    private static int BinOf(double value)
    {
        if (!(value > MinValue))
        {
            return 0;
        }

        int bin = (int)(Math.Log10(value / MinValue) * BinsPerDecade);
        return Math.Min(bin, Decades * BinsPerDecade);
    }
}
