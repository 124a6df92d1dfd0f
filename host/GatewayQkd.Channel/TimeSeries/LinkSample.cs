namespace GatewayQkd.Channel.TimeSeries;

/// <summary>
/// One link at one instant: channel transmittance h(t), the secret key rate R(t) in bits/s (already multiplied by the
/// link's time share), and the instantaneous overall and single-photon QBERs.
/// </summary>
public readonly record struct LinkSample(
    double TimeSeconds,
    double ChannelTransmittance,
    double KeyRateBitsPerSecond,
    double Qber,
    double SinglePhotonQber);
