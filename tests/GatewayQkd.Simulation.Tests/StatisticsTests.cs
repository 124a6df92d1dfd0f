using GatewayQkd.Simulation.Statistics;
using GatewayQkd.Simulation.Sweeps;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>The streaming statistics against exact computations.</summary>
public sealed class StatisticsTests
{
    [Fact]
    public void Histogram_Quantiles_Are_Within_Bin_Width_Of_Exact_Order_Statistics()
    {
        var random = new Random(1);
        // Ticks from 100 (1 us) to about 2e12 (6 hours): bins are 1/64 of an octave, so within 2^(1/128) = 0.54 %
        // of the geometric middle, i.e. within 1.1 % of any value in the bin.
        long[] values = Enumerable.Range(0, 20_000).Select(_ => (long)Math.Exp(4.6 + (random.NextDouble() * 24))).ToArray();
        var histogram = new LogHistogram();
        foreach (long v in values)
        {
            histogram.Add(v);
        }

        long[] sorted = values.Order().ToArray();
        foreach (double q in new[] { 0.5, 0.9, 0.99 })
        {
            double exact = sorted[(int)Math.Ceiling(q * sorted.Length) - 1];
            Assert.InRange(histogram.Quantile(q) / exact, 1 / 1.011, 1.011);
        }
    }

    [Fact]
    public void Confidence_Half_Width_Uses_Student_T()
    {
        // Values 1, 2, 3: mean 2, s = 1, t(0.975, 2) = 4.302652729911275 (tables): half-width 4.3027 / sqrt(3).
        var estimate = Estimate.Of([1, 2, 3]);
        Assert.Equal(2, estimate.Mean, 12);
        Assert.Equal(4.302652729911275 / Math.Sqrt(3), estimate.HalfWidth, 6);
    }
}
