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
        double[] values = Enumerable.Range(0, 20_000).Select(_ => Math.Exp((random.NextDouble() * 10) - 5)).ToArray();
        var histogram = new LogHistogram();
        foreach (double v in values)
        {
            histogram.Add(v);
        }

        double[] sorted = values.Order().ToArray();
        foreach (double q in new[] { 0.5, 0.9, 0.99 })
        {
            double exact = sorted[(int)Math.Ceiling(q * sorted.Length) - 1];
            Assert.InRange(histogram.Quantile(q) / exact, 1 / 1.024, 1.024);
        }
    }

    [Fact]
    public void Running_Mean_Matches_Two_Pass_Mean_And_Variance()
    {
        double[] values = [2, 4, 4, 4, 5, 5, 7, 9];
        var running = new RunningMean();
        foreach (double v in values)
        {
            running.Add(v);
        }

        // Mean 5, sum of squared deviations 32, sample variance 32/7.
        Assert.Equal(5, running.Mean, 12);
        Assert.Equal(32.0 / 7, running.Variance, 12);
        Assert.Equal(9, running.Max);
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
