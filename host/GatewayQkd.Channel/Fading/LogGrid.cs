namespace GatewayQkd.Channel.Fading;

/// <summary>
/// A discretised distribution of ln(h): probability masses on the equally spaced points Start + i Step. Masses are bin
/// probabilities taken from the exact CDF, so narrow factors stay exact in the mean to second order in Step; products of
/// independent factors become convolutions of their grids.
/// </summary>
public sealed class LogGrid
{
    private LogGrid(double start, double step, double[] masses)
    {
        Start = start;
        Step = step;
        Masses = masses;
    }

    /// <summary>Gets ln(h) of the first point.</summary>
    public double Start { get; }

    /// <summary>Gets the spacing of the points in ln(h).</summary>
    public double Step { get; }

    /// <summary>Gets the probability masses (they sum to 1).</summary>
    public IReadOnlyList<double> Masses { get; }

    /// <summary>Gets the number of points.</summary>
    public int Count => Masses.Count;

    /// <summary>The point mass at h = 1 (a factor that does not fade).</summary>
    public static LogGrid Unit(double step) => new(0, step, [1.0]);

    /// <summary>
    /// Discretises a distribution of ln(h) given by its CDF over [lower, upper]: the bin of point t covers
    /// [t - Step/2, t + Step/2]; the tails beyond the range go to the end bins; masses are renormalised to 1.
    /// </summary>
    public static LogGrid FromCdf(Func<double, double> cdf, double lower, double upper, double step)
    {
        ArgumentNullException.ThrowIfNull(cdf);
        var first = Math.Floor(lower / step);
        var count = Math.Max(1, (int)Math.Ceiling(upper / step) - (int)first + 1);
        var start = first * step;
        var masses = new double[count];
        var previous = 0.0;
        for (var i = 0; i < count; i++)
        {
            var edge = i == count - 1 ? 1.0 : Math.Clamp(cdf(start + ((i + 0.5) * step)), 0.0, 1.0);
            edge = Math.Max(edge, previous);
            masses[i] = edge - previous;
            previous = edge;
        }

        return Trimmed(start, step, masses);
    }

    /// <summary>The distribution of the product of two independent factors (their ln values add).</summary>
    public LogGrid Convolve(LogGrid other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Math.Abs(Step - other.Step) > 1e-12 * Step)
        {
            throw new ArgumentException("Both grids must have the same step.", nameof(other));
        }

        var a = (double[])Masses;
        var b = (double[])other.Masses;
        var result = new double[a.Length + b.Length - 1];
        for (var i = 0; i < a.Length; i++)
        {
            var ai = a[i];
            if (ai == 0)
            {
                continue;
            }

            for (var j = 0; j < b.Length; j++)
            {
                result[i + j] += ai * b[j];
            }
        }

        return Trimmed(Start + other.Start, Step, result);
    }

    /// <summary>The value of h at point i.</summary>
    public double Value(int index) => Math.Exp(Start + (index * Step));

    // Drops end bins below 1e-16 (they cannot change any average) and renormalises.
    private static LogGrid Trimmed(double start, double step, double[] masses)
    {
        const double negligible = 1e-16;
        var lo = 0;
        var hi = masses.Length - 1;
        while (lo < hi && masses[lo] < negligible)
        {
            lo++;
        }

        while (hi > lo && masses[hi] < negligible)
        {
            hi--;
        }

        var kept = masses[lo..(hi + 1)];
        var sum = kept.Sum();
        for (var i = 0; i < kept.Length; i++)
        {
            kept[i] /= sum;
        }

        return new LogGrid(start + (lo * step), step, kept);
    }
}
