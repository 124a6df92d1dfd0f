using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Link;

/// <summary>The single-link entry point: options in, full report out.</summary>
public static class LinkModel
{
    /// <summary>The version of the model's equations and defaults, recorded in every JSON output.</summary>
    public const string Version = "channel-model/2 (bounded Beta collected power, aperture averaging, curved path, block distillation, Lim 2014 finite key)";

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
        var qkd = budget.Options.Qkd;
        var protocol = new DecoyBb84(qkd);
        var mean = budget.MeanChannelTransmittance;
        var atMean = protocol.Evaluate(mean * budget.ReceiverEfficiency);
        FiniteKeyResult? finite = null;
        if (qkd.FiniteKey is { } settings)
        {
            // A finite block spans many coherence times: its counts per intensity are the fading-averaged ones.
            var s = averaged.Statistics;
            var y0 = qkd.VacuumYield;
            IntensityCounts Counts(double intensity, double detected) => new(intensity, y0 + detected, protocol.ErrorGain(detected));
            finite = FiniteKeyDecoyBb84.Optimal(settings, qkd.ErrorCorrectionEfficiency,
            [
                Counts(qkd.SignalMeanPhotonNumber, s.DetectedSignal),
                Counts(qkd.DecoyMeanPhotonNumber, s.DetectedDecoy),
                Counts(qkd.VacuumDecoyMeanPhotonNumber, s.DetectedVacuumDecoy),
            ]);
        }

        return new LinkReport(budget, atMean, PlobBound.BitsPerUse(mean), averaged) { FiniteKey = finite };
    }
}
