using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Link;

/// <summary>The single-link entry point: options in, full report out.</summary>
public static class LinkModel
{
    /// <summary>Validates the options and evaluates the link (numerical fading average).</summary>
    public static LinkReport Evaluate(LinkOptions options)
    {
        var budget = LinkBudgetCalculator.Compute(options);
        return Evaluate(budget, FadingAverager.Numerical(budget));
    }

    /// <summary>Evaluates the link with Monte-Carlo fading averages instead of the numerical ones.</summary>
    public static LinkReport EvaluateMonteCarlo(LinkOptions options, int samples, int seed)
    {
        var budget = LinkBudgetCalculator.Compute(options);
        return Evaluate(budget, FadingAverager.MonteCarlo(budget, samples, seed));
    }

    private static LinkReport Evaluate(LinkBudget budget, FadingAverage averaged)
    {
        var mean = Math.Min(budget.MeanChannelTransmittance, 1.0);
        var atMean = new DecoyBb84(budget.Options.Qkd).Evaluate(mean * budget.ReceiverEfficiency);
        return new LinkReport(budget, atMean, PlobBound.BitsPerUse(mean), averaged);
    }
}
