namespace GatewayQkd.Channel.Qkd;

/// <summary>
/// Source, detection and post-processing parameters of weak-coherent-pulse decoy-state BB84.
/// Defaults follow Yu et al., EPJ Quantum Technology 2021 (airborne QKD at 1550 nm); see docs/channel-model.md.
/// </summary>
public sealed record QkdParameters
{
    /// <summary>Gets the signal mean photon number mu.</summary>
    public double SignalMeanPhotonNumber { get; init; } = 0.8;

    /// <summary>Gets the weak-decoy mean photon number nu (vacuum + weak decoy only).</summary>
    public double DecoyMeanPhotonNumber { get; init; } = 0.1;

    /// <summary>Gets the vacuum-decoy mean photon number mu3 (finite-key analysis; a practical vacuum, Lim et al. 2014 use 2e-4).</summary>
    public double VacuumDecoyMeanPhotonNumber { get; init; } = 2e-4;

    /// <summary>Gets the detector dark-count probability per gate.</summary>
    public double DarkCountProbability { get; init; } = 2e-6;

    /// <summary>Gets the background (stray light) count probability per gate; night-time default 0.</summary>
    public double BackgroundProbability { get; init; }

    /// <summary>Gets e_d, the probability that a detected photon hits the wrong detector (misalignment).</summary>
    public double MisalignmentError { get; init; } = 0.01;

    /// <summary>Gets f_EC, the error-correction inefficiency (1 = Shannon limit).</summary>
    public double ErrorCorrectionEfficiency { get; init; } = 1.16;

    /// <summary>Gets q, the basis-sifting factor (1/2 for standard BB84).</summary>
    public double SiftingFactor { get; init; } = 0.5;

    /// <summary>Gets the pulse repetition rate in Hz.</summary>
    public double RepetitionRateHz { get; init; } = 1e8;

    /// <summary>Gets the decoy-state estimation method.</summary>
    public DecoyProtocol Protocol { get; init; } = DecoyProtocol.InfiniteDecoy;

    /// <summary>Gets how the key is distilled from a fading channel (per block of averaged statistics by default).</summary>
    public KeyDistillation Distillation { get; init; } = KeyDistillation.Block;

    /// <summary>Gets the finite-key settings; null for the asymptotic (infinitely long block) rate.</summary>
    public FiniteKeyParameters? FiniteKey { get; init; }

    /// <summary>Gets Y0 = dark + background count probability, the yield of the vacuum.</summary>
    public double VacuumYield => DarkCountProbability + BackgroundProbability;

    /// <summary>
    /// The Gobby-Yuan-Shields fibre parameter set used by Lo-Ma-Chen 2005: Y0 = 1.7e-6, e_d = 3.3 %, f = 1.22, mu = 0.48
    /// (eta_Bob = 4.5 % and 0.21 dB/km fibre go into the transmittance).
    /// </summary>
    public static QkdParameters GobbyYuanShields { get; } = new()
    {
        SignalMeanPhotonNumber = 0.48,
        DarkCountProbability = 1.7e-6,
        MisalignmentError = 0.033,
        ErrorCorrectionEfficiency = 1.22,
    };
}
