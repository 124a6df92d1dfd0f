using GatewayQkd.Channel.Qkd;

namespace GatewayQkd.Channel.Link;

/// <summary>
/// Averages over the fading distribution f_h of the channel transmittance h (reference s4 "Averaging over fading"):
/// <list type="bullet">
/// <item>Gain = &lt;Q_mu&gt;;</item>
/// <item>Qber = count-weighted overall QBER Integral E Q f_h / &lt;Q&gt;; PlainQber = Integral E f_h;</item>
/// <item>SinglePhotonQber = Integral e1 Y1 f_h / Integral Y1 f_h; PlainSinglePhotonQber = Integral e1 f_h;</item>
/// <item>KeyRatePerPulse = ergodic Integral max(R, 0) f_h; OutageProbability = Pr[R(h) &lt;= 0];</item>
/// <item>PlobPerPulse = Integral -log2(1 - h) f_h (ergodic PLOB of the channel).</item>
/// <item>Statistics = the fading-averaged counts; Block = the decoy-BB84 quantities of those block statistics.</item>
/// </list>
/// KeyRatePerPulse is the per-state (ergodic) rate; Block.KeyRatePerPulse is the rate of block post-processing.
/// Standard errors are filled for Monte-Carlo averages and are 0 for numerical ones.
/// </summary>
public sealed record FadingAverage(
    double MeanChannelTransmittance,
    double Gain,
    double Qber,
    double PlainQber,
    double SinglePhotonYield,
    double SinglePhotonQber,
    double PlainSinglePhotonQber,
    double KeyRatePerPulse,
    double OutageProbability,
    double PlobPerPulse,
    double GainStandardError,
    double KeyRateStandardError,
    double OutageStandardError,
    double MeanChannelTransmittanceStandardError)
{
    /// <summary>Gets the fading-averaged counted statistics (what one block that spans many fading states measures).</summary>
    public DecoyStatistics Statistics { get; init; }

    /// <summary>Gets the decoy-BB84 quantities computed from the block statistics (block key distillation).</summary>
    public KeyRatePoint Block { get; init; }

    /// <summary>Gets the fraction of the ergodic PLOB bound that the ergodic key rate achieves.</summary>
    public double PlobFraction => PlobPerPulse > 0 ? KeyRatePerPulse / PlobPerPulse : 0.0;
}
