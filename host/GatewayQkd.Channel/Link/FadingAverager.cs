using GatewayQkd.Channel.Fading;
using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Link;

/// <summary>
/// Averages the decoy-BB84 quantities over the bounded fading law of a link, either numerically (<see cref="BetaQuadrature"/>,
/// split at the key-rate threshold) or by Monte Carlo (independent draws of the same law); both feed the same
/// <see cref="FadingAccumulator"/>.
/// </summary>
public static class FadingAverager
{
    /// <summary>Numerical average over the fading law.</summary>
    public static FadingAverage Numerical(LinkBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var protocol = new DecoyBb84(budget.Options.Qkd);
        var scale = budget.FixedChannelTransmittance;
        var fading = budget.Fading;
        var threshold = KeyRateThreshold.Of(budget.Options.Qkd) / (scale * budget.ReceiverEfficiency);
        var rule = fading.IsDeterministic
            ? BetaQuadrature.Point(fading.MeanCollected)
            : BetaQuadrature.For(fading.ShapeA, fading.ShapeB, threshold);
        var accumulator = new FadingAccumulator();
        for (var i = 0; i < rule.Count; i++)
        {
            AddPoint(accumulator, rule.Probabilities[i], budget, protocol, scale * rule.Values[i]);
        }

        return accumulator.Result(independentSamples: false, protocol);
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
            AddPoint(accumulator, 1.0, budget, protocol, budget.FixedChannelTransmittance * sampler.Next());
        }

        return accumulator.Result(independentSamples: true, protocol);
    }

    private static void AddPoint(FadingAccumulator accumulator, double weight, LinkBudget budget, DecoyBb84 protocol, double h)
    {
        var statistics = protocol.Statistics(h * budget.ReceiverEfficiency);
        accumulator.Add(weight, h, statistics, protocol.KeyRate(statistics));
    }
}
