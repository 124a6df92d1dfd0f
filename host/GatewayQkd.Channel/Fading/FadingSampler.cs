using GatewayQkd.Channel.Turbulence;
using MathNet.Numerics.Distributions;

namespace GatewayQkd.Channel.Fading;

/// <summary>
/// Independent Monte-Carlo draws of h_a (h_p / A0). Gamma-Gamma: h_a = X Y, X ~ Gamma(alpha, scale 1/alpha),
/// Y ~ Gamma(beta, scale 1/beta) (Al-Habash et al. 2001); log-normal: ln h_a ~ N(-s2/2, s2); jitter: h_p / A0 = U^(1/g^2),
/// equivalent to a Rayleigh displacement (Farid and Hranilovic 2007).
/// </summary>
public sealed class FadingSampler
{
    private readonly FadingSpec _spec;
    private readonly Random _random;
    private readonly double _logSd;

    /// <summary>Creates a sampler; the same seed gives the same draws.</summary>
    public FadingSampler(FadingSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
        _random = new Random(seed);
        _logSd = Math.Sqrt(spec.LogVariance);
    }

    /// <summary>Draws the next h_a (h_p / A0).</summary>
    public double Next() => NextTurbulence() * NextJitter();

    /// <summary>Fills a buffer with draws.</summary>
    public void Fill(Span<double> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Next();
        }
    }

    private double NextTurbulence()
    {
        if (!_spec.HasTurbulence)
        {
            return 1.0;
        }

        if (_spec.Model == FadingModel.GammaGamma)
        {
            return Gamma.Sample(_random, _spec.Alpha, _spec.Alpha) * Gamma.Sample(_random, _spec.Beta, _spec.Beta);
        }

        return Math.Exp(Normal.Sample(_random, -_spec.LogVariance / 2, _logSd));
    }

    private double NextJitter() =>
        _spec.HasJitter ? Math.Pow(1.0 - _random.NextDouble(), 1 / _spec.GSquared) : 1.0;
}
