namespace GatewayQkd.Channel.Network;

/// <summary>How N ground nodes share the HAP's downlink terminal [modelling choice, reference s4].</summary>
public enum SharingMode
{
    /// <summary>TDMA: each GN gets the full transmittance for 1/N of the time, R_i = R(eta_i) / N.</summary>
    TimeShared,

    /// <summary>Passive 1:N split: each GN gets eta_i / N all the time, R_i = R(eta_i / N).</summary>
    PassiveSplit,
}
