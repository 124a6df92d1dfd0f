namespace GatewayQkd.Channel.Qkd;

/// <summary>
/// Decoy-state BB84 quantities at one overall transmittance eta (channel x Bob): gain Q_mu, overall QBER E_mu,
/// single-photon yield Y1 and error e1 (exact or bounds), single-photon gain Q1 and the secret key rate R per pulse.
/// </summary>
public readonly record struct KeyRatePoint(
    double Eta,
    double Gain,
    double Qber,
    double SinglePhotonYield,
    double SinglePhotonQber,
    double SinglePhotonGain,
    double KeyRatePerPulse);
