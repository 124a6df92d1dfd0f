using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Link;

/// <summary>
/// A single-link report: the budget, the decoy-BB84 quantities at the mean channel transmittance (no fading) with the PLOB
/// bound there, and the fading averages with the ergodic PLOB bound.
/// </summary>
public sealed record LinkReport(LinkBudget Budget, KeyRatePoint AtMean, double PlobAtMeanPerPulse, FadingAverage Averaged)
{
    /// <summary>Gets the pulse repetition rate in Hz.</summary>
    public double RepetitionRateHz => Budget.Options.Qkd.RepetitionRateHz;

    /// <summary>Gets the key rate at the mean transmittance in bits/s.</summary>
    public double KeyRateAtMeanBitsPerSecond => AtMean.KeyRatePerPulse * RepetitionRateHz;

    /// <summary>Gets the ergodic key rate in bits/s.</summary>
    public double ErgodicKeyRateBitsPerSecond => Averaged.KeyRatePerPulse * RepetitionRateHz;

    /// <summary>Gets the PLOB bound at the mean transmittance in bits/s.</summary>
    public double PlobAtMeanBitsPerSecond => PlobAtMeanPerPulse * RepetitionRateHz;

    /// <summary>Gets the ergodic PLOB bound in bits/s.</summary>
    public double ErgodicPlobBitsPerSecond => Averaged.PlobPerPulse * RepetitionRateHz;

    /// <summary>Gets the fraction of the PLOB bound achieved at the mean transmittance.</summary>
    public double PlobFractionAtMean => PlobAtMeanPerPulse > 0 ? AtMean.KeyRatePerPulse / PlobAtMeanPerPulse : 0.0;
}
