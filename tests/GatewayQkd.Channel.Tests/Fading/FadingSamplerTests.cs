using GatewayQkd.Channel.Fading;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Tests.Fading;

public class FadingSamplerTests
{
    private const int Samples = 400_000;

    [Fact]
    public void Draws_Have_The_Mean_And_Variance_Of_The_Collected_Power_Law()
    {
        var spec = new FadingSpec(FadingModel.GammaGamma, 0.3, 0.4, 30, double.PositiveInfinity);
        var sampler = new FadingSampler(spec, 11);
        var draws = Enumerable.Range(0, Samples).Select(_ => sampler.Next()).ToArray();
        var mean = draws.Average();
        var variance = draws.Select(d => (d - mean) * (d - mean)).Sum() / (Samples - 1);
        var se = Math.Sqrt(spec.Variance / Samples);
        Assert.InRange(mean, spec.MeanCollected - (5 * se), spec.MeanCollected + (5 * se));
        Assert.Equal(1.0, variance / spec.Variance, 1);
    }

    [Fact]
    public void Draws_Never_Exceed_One()
    {
        // The whole point of the bounded law: a receiver cannot collect more than the transmitted power.
        var spec = new FadingSpec(FadingModel.GammaGamma, 0.95, 2.0, 50, double.PositiveInfinity);
        var sampler = new FadingSampler(spec, 5);
        Assert.All(Enumerable.Range(0, 100_000).Select(_ => sampler.Next()), c => Assert.InRange(c, 0.0, 1.0));
    }

    [Fact]
    public void Same_Seed_Gives_The_Same_Draws()
    {
        var spec = new FadingSpec(FadingModel.GammaGamma, 0.2, 0.5, 3, double.PositiveInfinity);
        var a = new double[100];
        var b = new double[100];
        new FadingSampler(spec, 3).Fill(a);
        new FadingSampler(spec, 3).Fill(b);
        Assert.Equal(a, b);
    }
}
