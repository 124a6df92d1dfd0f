namespace GatewayQkd.Channel.Qkd;

/// <summary>What one intensity k gives per pulse sent: its mean photon number, gain Q_k and error gain E_k Q_k.</summary>
/// <param name="MeanPhotonNumber">The intensity k (mean photon number).</param>
/// <param name="Gain">Q_k, the probability of a detection per pulse.</param>
/// <param name="ErrorGain">E_k Q_k, the probability of an erroneous detection per pulse.</param>
public readonly record struct IntensityCounts(double MeanPhotonNumber, double Gain, double ErrorGain);
