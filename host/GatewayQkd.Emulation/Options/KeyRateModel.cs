namespace GatewayQkd.Emulation.Options;

/// <summary>Where each HAP-GN link's secret key rate R(t) comes from.</summary>
public enum KeyRateModel
{
    /// <summary>A fixed rate per link (<see cref="EmulationOptions.KeyRateBitsPerSecond"/>), e.g. the DDKA paper's 1280 bit/s.</summary>
    Constant = 0,

    /// <summary>The FSO channel model's time series R(t) per link (GatewayQkd.Channel), with the HAP at its altitude.</summary>
    Channel = 1,
}
