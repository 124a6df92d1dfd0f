using MathNet.Numerics.Distributions;

namespace GatewayQkd.Channel.Fading;

/// <summary>
/// Independent Monte-Carlo draws of the collected fraction C from the same Beta(a, b) law the numerical averages integrate
/// (<see cref="FadingSpec"/>), so the two methods estimate the same integrals.
/// </summary>
public sealed class FadingSampler
{
    private readonly FadingSpec _spec;
    private readonly Random _random;
    private readonly double _a;
    private readonly double _b;

    /// <summary>Creates a sampler; the same seed gives the same draws.</summary>
    public FadingSampler(FadingSpec spec, int seed)
    {
        ArgumentNullException.ThrowIfNull(spec);
        _spec = spec;
        _random = new Random(seed);
        _a = spec.IsDeterministic ? 0 : spec.ShapeA;
        _b = spec.IsDeterministic ? 0 : spec.ShapeB;
    }

    /// <summary>Draws the next C.</summary>
    public double Next() => _spec.IsDeterministic ? _spec.MeanCollected : Beta.Sample(_random, _a, _b);

    /// <summary>Fills a buffer with draws.</summary>
    public void Fill(Span<double> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Next();
        }
    }
}
