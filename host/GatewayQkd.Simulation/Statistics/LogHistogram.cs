using System.Numerics;

namespace GatewayQkd.Simulation.Statistics;

/// <summary>
/// A fixed log-linear histogram of non-negative integers (ticks) for streaming quantiles in bounded memory: values
/// below 64 have their own bins; above, each power of two is split into 64 equal bins found from the value's leading
/// bit and the six bits after it (no logarithm per value). A quantile is reported as the geometric middle of its bin,
/// within 0.8 % of the exact order statistic.
/// </summary>
public sealed class LogHistogram
{
    private const int SubBits = 6;
    private const int Sub = 1 << SubBits;
    private readonly long[] _bins = new long[Sub + ((64 - SubBits) * Sub)];

    /// <summary>Gets the number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds a value; negative values count as 0.</summary>
    public void Add(long value)
    {
        _bins[BinOf(value)]++;
        Count++;
    }

    /// <summary>Adds another histogram's counts.</summary>
    public void Merge(LogHistogram other)
    {
        ArgumentNullException.ThrowIfNull(other);
        for (int i = 0; i < _bins.Length; i++)
        {
            _bins[i] += other._bins[i];
        }

        Count += other.Count;
    }

    /// <summary>Returns the q-quantile (0..1) in the values' unit; NaN when empty.</summary>
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
                return Middle(i);
            }
        }

        return Middle(_bins.Length - 1);
    }

    private static int BinOf(long value)
    {
        if (value < Sub)
        {
            return value < 0 ? 0 : (int)value;
        }

        int exponent = BitOperations.Log2((ulong)value);
        int mantissa = (int)(value >> (exponent - SubBits)) & (Sub - 1);
        return Sub + ((exponent - SubBits) * Sub) + mantissa;
    }

    private static double Middle(int bin)
    {
        if (bin < Sub)
        {
            return bin;
        }

        int exponent = ((bin - Sub) / Sub) + SubBits;
        int mantissa = (bin - Sub) % Sub;
        double scale = Math.Pow(2, exponent - SubBits);
        return Math.Sqrt((Sub + mantissa) * (Sub + mantissa + 1.0)) * scale;
    }
}
