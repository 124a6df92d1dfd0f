using GatewayQkd.Channel.Link;

namespace GatewayQkd.Channel.Sweeps;

/// <summary>Points from From to To inclusive, evenly spaced on a linear or logarithmic scale.</summary>
/// <param name="From">First value.</param>
/// <param name="To">Last value.</param>
/// <param name="Points">Number of points (1 = From only).</param>
/// <param name="Logarithmic">Space the points evenly in log10 (From and To must be positive).</param>
public sealed record SweepRange(double From, double To, int Points, bool Logarithmic = false)
{
    /// <summary>Throws if the range is unusable, naming the parameter.</summary>
    public void ThrowIfInvalid()
    {
        Require.AtLeast(Points, 1, nameof(Points));
        if (Logarithmic)
        {
            Require.Positive(From, nameof(From));
            Require.Positive(To, nameof(To));
        }
        else
        {
            Require.Finite(From, nameof(From));
            Require.Finite(To, nameof(To));
        }
    }

    /// <summary>The values of the range.</summary>
    public IReadOnlyList<double> Values()
    {
        ThrowIfInvalid();
        if (Points == 1)
        {
            return [From];
        }

        return Enumerable.Range(0, Points).Select(i =>
        {
            var f = (double)i / (Points - 1);
            return Logarithmic ? Math.Pow(10, Math.Log10(From) + (f * (Math.Log10(To) - Math.Log10(From)))) : From + (f * (To - From));
        }).ToArray();
    }
}
