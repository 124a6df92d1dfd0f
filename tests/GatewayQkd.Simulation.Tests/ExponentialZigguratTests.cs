using GatewayQkd.Simulation.Workload;
using Xunit;

namespace GatewayQkd.Simulation.Tests;

/// <summary>The ziggurat sampler follows the unit exponential law: P(X &gt; t) = e^-t, mean 1, variance 1.</summary>
public sealed class ExponentialZigguratTests
{
    private const int Samples = 1_000_000;

    private static double[] Draw(ulong seed)
    {
        var random = new Xoshiro256StarStar(seed);
        return Enumerable.Range(0, Samples).Select(_ => ExponentialZiggurat.Next(random)).ToArray();
    }

    [Fact]
    public void Mean_And_Variance_Are_One()
    {
        double[] x = Draw(1);
        double mean = x.Average();
        double variance = x.Sum(v => (v - mean) * (v - mean)) / (Samples - 1);

        // Standard errors: 1/sqrt(n) = 0.001 for the mean, sqrt(8/n) = 0.0028 for the variance; 5 sigma.
        Assert.Equal(1, mean, 0.005);
        Assert.Equal(1, variance, 0.015);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7.697117470131487)]
    [InlineData(9)]
    public void Tail_Probabilities_Match_The_Exponential_Law(double t)
    {
        // Includes the base strip's edge r = 7.697 and the tail beyond it; 5 binomial sigma.
        double[] x = Draw(2);
        double p = Math.Exp(-t);
        double observed = x.Count(v => v > t) / (double)Samples;
        Assert.Equal(p, observed, 5 * Math.Sqrt(p * (1 - p) / Samples));
    }

    [Fact]
    public void Never_Negative()
    {
        Assert.All(Draw(3), v => Assert.True(v >= 0));
    }
}
