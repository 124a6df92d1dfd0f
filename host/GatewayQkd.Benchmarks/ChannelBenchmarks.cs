using BenchmarkDotNet.Attributes;
using GatewayQkd.Channel.Fading;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Sweeps;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Benchmarks;

/// <summary>
/// Channel model speed: a 1,000-point fading-averaged distance sweep of a HAP downlink (Gamma-Gamma + pointing jitter,
/// numerical averages) and 10^7 Gamma-Gamma draws. Run: dotnet run -c Release --project host/GatewayQkd.Benchmarks --
/// --filter *ChannelBenchmarks* --job short --inProcess ; figures in docs/benchmarks-channel.md.
/// </summary>
[MemoryDiagnoser]
public class ChannelBenchmarks
{
    private const int SweepPoints = 1_000;
    private const int GammaGammaSamples = 10_000_000;
    private readonly double[] _buffer = new double[100_000];
    private FadingSpec _gammaGamma = null!;
    private IReadOnlyList<double> _distances = [];

    [GlobalSetup]
    public void Setup()
    {
        // A beam 4x wider than the aperture (A0 = 0.06) with the point-receiver index of sigma_R^2 = 1 and some jitter.
        var p = GammaGammaParameters.FromRytov(1.0, WaveModel.Plane);
        _gammaGamma = new FadingSpec(FadingModel.GammaGamma, 0.06, p.ScintillationIndex, 10, double.PositiveInfinity);
        _distances = new SweepRange(0, 100, SweepPoints).Values();
    }

    /// <summary>1,000 downlink reports (ground distance 0-100 km), each with numerically fading-averaged QBER, SKR, PLOB.</summary>
    [Benchmark]
    public double FadingAveragedSweep1000()
    {
        var template = new LinkOptions { Wave = WaveModel.Spherical, JitterUrad = 4 };
        var sum = 0.0;
        foreach (var distance in _distances)
        {
            sum += LinkModel.Evaluate(SweepVariable.Distance.Apply(template, distance)).Averaged.KeyRatePerPulse;
        }

        return sum;
    }

    /// <summary>10^7 draws of the bounded collected-power law (Gamma-Gamma strength of sigma_R^2 = 1, plane wave).</summary>
    [Benchmark]
    public double GammaGammaSamples10M()
    {
        var sampler = new FadingSampler(_gammaGamma, 7);
        var sum = 0.0;
        for (var done = 0; done < GammaGammaSamples; done += _buffer.Length)
        {
            sampler.Fill(_buffer);
            sum += _buffer[0];
        }

        return sum;
    }
}
