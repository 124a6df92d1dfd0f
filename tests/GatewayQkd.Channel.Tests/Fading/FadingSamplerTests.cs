using GatewayQkd.Channel.Fading;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Tests.Fading;

public class FadingSamplerTests
{
    private const int Samples = 400_000;

    [Fact]
    public void Gamma_Gamma_Draws_Have_Unit_Mean_And_The_Predicted_Scintillation_Index()
    {
        var parameters = GammaGammaParameters.FromRytov(1.0, WaveModel.Plane);
        var spec = new FadingSpec(FadingModel.GammaGamma, parameters.Alpha, parameters.Beta, parameters.ScintillationIndex, double.PositiveInfinity);
        var (mean, meanSe, index, indexTolerance) = Moments(new FadingSampler(spec, 11));
        Assert.InRange(mean, 1 - (5 * meanSe), 1 + (5 * meanSe));
        Assert.InRange(index, parameters.ScintillationIndex - indexTolerance, parameters.ScintillationIndex + indexTolerance);
    }

    [Fact]
    public void Log_Normal_Draws_Have_Unit_Mean_And_The_Requested_Scintillation_Index()
    {
        var spec = new FadingSpec(FadingModel.LogNormal, 0, 0, 0.2, double.PositiveInfinity);
        var (mean, meanSe, index, indexTolerance) = Moments(new FadingSampler(spec, 12));
        Assert.InRange(mean, 1 - (5 * meanSe), 1 + (5 * meanSe));
        Assert.InRange(index, 0.2 - indexTolerance, 0.2 + indexTolerance);
    }

    [Fact]
    public void Same_Seed_Gives_The_Same_Draws()
    {
        var spec = new FadingSpec(FadingModel.GammaGamma, 4, 2, 0.875, 3);
        var a = new double[100];
        var b = new double[100];
        new FadingSampler(spec, 3).Fill(a);
        new FadingSampler(spec, 3).Fill(b);
        Assert.Equal(a, b);
    }

    // Mean, its standard error, scintillation index E[I^2]/E[I]^2 - 1 and a 5-sigma tolerance from the fourth moment.
    private static (double Mean, double MeanSe, double Index, double IndexTolerance) Moments(FadingSampler sampler)
    {
        double s1 = 0, s2 = 0, s4 = 0;
        for (var i = 0; i < Samples; i++)
        {
            var x = sampler.Next();
            s1 += x;
            s2 += x * x;
            s4 += x * x * x * x;
        }

        var mean = s1 / Samples;
        var m2 = s2 / Samples;
        var se = Math.Sqrt((m2 - (mean * mean)) / Samples);
        var m2Se = Math.Sqrt(((s4 / Samples) - (m2 * m2)) / Samples);
        return (mean, se, (m2 / (mean * mean)) - 1, 5 * (m2Se + (2 * m2 * se)));
    }
}
