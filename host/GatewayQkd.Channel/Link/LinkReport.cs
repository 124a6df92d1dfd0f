using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Link;

/// <summary>
/// A single-link report: the budget, the decoy-BB84 quantities at the mean channel transmittance (no fading) with the PLOB
/// bound there, the fading averages with the ergodic PLOB bound, and (when asked) the finite-key optimum.
/// <see cref="KeyRatePerPulse"/> is the rate the chosen distillation delivers: finite-key ell / N when a block size is set,
/// otherwise the block rate (default) or the per-state ergodic rate.
/// </summary>
public sealed record LinkReport(LinkBudget Budget, KeyRatePoint AtMean, double PlobAtMeanPerPulse, FadingAverage Averaged)
{
    /// <summary>Gets the finite-key optimum for the block (null for the asymptotic rate).</summary>
    public FiniteKeyResult? FiniteKey { get; init; }

    /// <summary>Gets the pulse repetition rate in Hz.</summary>
    public double RepetitionRateHz => Budget.Options.Qkd.RepetitionRateHz;

    /// <summary>Gets the key rate per pulse of the chosen distillation (finite-key, block or per-state).</summary>
    public double KeyRatePerPulse => FiniteKey is { } finite
        ? finite.KeyLengthBits / Budget.Options.Qkd.FiniteKey!.BlockPulses
        : Budget.Options.Qkd.Distillation == KeyDistillation.Block ? Averaged.Block.KeyRatePerPulse : Averaged.KeyRatePerPulse;

    /// <summary>Gets the key rate of the chosen distillation in bits/s.</summary>
    public double KeyRateBitsPerSecond => KeyRatePerPulse * RepetitionRateHz;

    /// <summary>Gets the key rate at the mean transmittance in bits/s.</summary>
    public double KeyRateAtMeanBitsPerSecond => AtMean.KeyRatePerPulse * RepetitionRateHz;

    /// <summary>Gets the per-state (ergodic) key rate Integral max(R, 0) f in bits/s.</summary>
    public double ErgodicKeyRateBitsPerSecond => Averaged.KeyRatePerPulse * RepetitionRateHz;

    /// <summary>Gets the block key rate R(&lt;statistics&gt;) in bits/s.</summary>
    public double BlockKeyRateBitsPerSecond => Averaged.Block.KeyRatePerPulse * RepetitionRateHz;

    /// <summary>Gets the PLOB bound at the mean transmittance in bits/s.</summary>
    public double PlobAtMeanBitsPerSecond => PlobAtMeanPerPulse * RepetitionRateHz;

    /// <summary>Gets the ergodic PLOB bound in bits/s.</summary>
    public double ErgodicPlobBitsPerSecond => Averaged.PlobPerPulse * RepetitionRateHz;

    /// <summary>Gets the fraction of the PLOB bound achieved at the mean transmittance.</summary>
    public double PlobFractionAtMean => PlobAtMeanPerPulse > 0 ? AtMean.KeyRatePerPulse / PlobAtMeanPerPulse : 0.0;

    /// <summary>Gets the fraction of the ergodic PLOB bound the chosen distillation achieves.</summary>
    public double PlobFraction => Averaged.PlobPerPulse > 0 ? KeyRatePerPulse / Averaged.PlobPerPulse : 0.0;
}
