namespace GatewayQkd.Channel.Atmosphere;

/// <summary>Rain attenuation of optical links, ITU-R P.1814: gamma = 1.1394 R^0.7057 dB/km, R in mm/h.</summary>
public static class RainAttenuation
{
    /// <summary>Specific attenuation in dB/km for a rain rate in mm/h (0 for no rain).</summary>
    public static double DbPerKm(double rainRateMmPerHour) =>
        rainRateMmPerHour <= 0 ? 0.0 : 1.1394 * Math.Pow(rainRateMmPerHour, 0.7057);
}
