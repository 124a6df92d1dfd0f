using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Fading;

/// <summary>
/// The random part of a link: the fraction C of the transmitted power that the receiver collects, a number in [0, 1]
/// (turbulence redistributes power, it does not create it), so the channel transmittance h = h_l C / N_split can never
/// exceed the atmospheric transmittance and no clipping is needed. C = T X_tx X_rx with independent factors:
/// <list type="bullet">
/// <item>T, the collected fraction of the undisplaced beam: mean A0 (Farid-Hranilovic), relative variance
/// v_T = s2 (1 - A0) / (1 + A0 s2), s2 the aperture-averaged scintillation index; this is the relative variance of a
/// Beta(1/s2, (1 - A0)/(A0 s2)) law, which tends to the Gamma(1/s2) fading of the aperture-averaged irradiance when the
/// beam is much wider than the aperture (A0 -> 0) and to no fluctuation when the aperture catches the whole beam (A0 -> 1):
/// beam-size-aware by energy conservation [modelling choice];</item>
/// <item>X_tx = exp(-2 r^2 / w_zeq^2), r Rayleigh: the transmitter's pointing jitter plus beam wander, Beta(g^2, 1)
/// (Farid and Hranilovic, JLT 25(7), 2007);</item>
/// <item>X_rx = the receiver's angular jitter against its field of view, Beta(g_rx^2, 1) (same form).</item>
/// </list>
/// The averages use one Beta(a, b) law for C with the exact mean and variance of that product (moment matching), so every
/// mean, bound and rate of a report comes from one bounded distribution; Monte Carlo draws from the same law.
/// </summary>
/// <param name="Model">Whether there is scintillation at all (<see cref="FadingModel.None"/> removes it).</param>
/// <param name="CollectedFraction">A0, the collected fraction of the centred beam.</param>
/// <param name="ScintillationIndex">Aperture-averaged scintillation index s2 (0 without turbulence).</param>
/// <param name="GSquared">g^2 of the transmitter-side displacement (jitter and beam wander); infinite without.</param>
/// <param name="ReceiverGSquared">g_rx^2 of the receiver's angular jitter; infinite without.</param>
public sealed record FadingSpec(FadingModel Model, double CollectedFraction, double ScintillationIndex, double GSquared, double ReceiverGSquared)
{
    /// <summary>Gets a value indicating whether there is any scintillation.</summary>
    public bool HasTurbulence => Model != FadingModel.None && ScintillationIndex > 0;

    /// <summary>Gets a value indicating whether there is transmitter-side displacement (jitter or beam wander).</summary>
    public bool HasJitter => !double.IsPositiveInfinity(GSquared);

    /// <summary>Gets v_T, the relative variance of the collected fraction of the centred beam.</summary>
    public double TurbulenceRelativeVariance => HasTurbulence
        ? ScintillationIndex * (1 - CollectedFraction) / (1 + (CollectedFraction * ScintillationIndex))
        : 0.0;

    /// <summary>Gets E[C] = A0 E[X_tx] E[X_rx], the mean collected fraction.</summary>
    public double MeanCollected => CollectedFraction * PointingMean(GSquared) * PointingMean(ReceiverGSquared);

    /// <summary>Gets E[X_tx] E[X_rx], the mean pointing loss factor (1 without jitter).</summary>
    public double MeanPointingFactor => PointingMean(GSquared) * PointingMean(ReceiverGSquared);

    /// <summary>Gets Var[C].</summary>
    public double Variance
    {
        get
        {
            var second = CollectedFraction * CollectedFraction * (1 + TurbulenceRelativeVariance)
                * PointingSecondMoment(GSquared) * PointingSecondMoment(ReceiverGSquared);
            return Math.Max(second - (MeanCollected * MeanCollected), 0.0);
        }
    }

    /// <summary>Gets Var[C] / E[C]^2, the scintillation index of the collected power (all effects).</summary>
    public double CollectedScintillationIndex => Variance / (MeanCollected * MeanCollected);

    /// <summary>Gets a value indicating whether C is (numerically) constant.</summary>
    public bool IsDeterministic => CollectedScintillationIndex < 1e-12;

    /// <summary>Gets the shape a of the Beta law of C (mean a / (a + b)).</summary>
    public double ShapeA => MeanCollected * Concentration;

    /// <summary>Gets the shape b of the Beta law of C.</summary>
    public double ShapeB => (1 - MeanCollected) * Concentration;

    // a + b = m (1 - m) / Var - 1 (Beta moment matching; Var < m (1 - m) for any law on [0, 1] that is not two-valued).
    private double Concentration => (MeanCollected * (1 - MeanCollected) / Variance) - 1;

    // E[U^(1/g^2)] = g^2 / (1 + g^2); E[X^2] = g^2 / (2 + g^2).
    private static double PointingMean(double gSquared) => double.IsPositiveInfinity(gSquared) ? 1.0 : gSquared / (1 + gSquared);

    private static double PointingSecondMoment(double gSquared) => double.IsPositiveInfinity(gSquared) ? 1.0 : gSquared / (2 + gSquared);
}
