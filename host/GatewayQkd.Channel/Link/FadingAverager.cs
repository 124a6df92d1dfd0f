using GatewayQkd.Channel.Fading;
using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Link;

/// <summary>
/// Averages the decoy-BB84 quantities over the fading of a link, either numerically (sum over the log-grid distribution of
/// h_a h_p/A0) or by Monte Carlo (independent draws); both feed the same <see cref="FadingAccumulator"/>.
/// </summary>
public static class FadingAverager
{
    /// <summary>Numerical average over the discretised fading distribution.</summary>
    public static FadingAverage Numerical(LinkBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var grid = budget.Fading.ToGrid();
        var protocol = new DecoyBb84(budget.Options.Qkd);
        var accumulator = new FadingAccumulator();
        for (var i = 0; i < grid.Count; i++)
        {
            AddPoint(accumulator, grid.Masses[i], budget, protocol, grid.Value(i));
        }

        return accumulator.Result(independentSamples: false);
    }

    /// <summary>Monte-Carlo average over independent fading draws (deterministic for a seed).</summary>
    public static FadingAverage MonteCarlo(LinkBudget budget, int samples, int seed)
    {
        ArgumentNullException.ThrowIfNull(budget);
        Require.AtLeast(samples, 2, nameof(samples));
        var sampler = new FadingSampler(budget.Fading, seed);
        var protocol = new DecoyBb84(budget.Options.Qkd);
        var accumulator = new FadingAccumulator();
        for (var i = 0; i < samples; i++)
        {
            AddPoint(accumulator, 1.0, budget, protocol, sampler.Next());
        }

        return accumulator.Result(independentSamples: true);
    }

    private static void AddPoint(FadingAccumulator accumulator, double weight, LinkBudget budget, DecoyBb84 protocol, double randomPart)
    {
        var h = Math.Min(budget.FixedChannelTransmittance * randomPart, 1.0);
        accumulator.Add(weight, h, protocol.Evaluate(h * budget.ReceiverEfficiency));
    }
}
