namespace GatewayQkd.Channel.Atmosphere;

/// <summary>
/// Rain attenuation of optical links: raindrops (0.1-5 mm) are much larger than the wavelength, so the extinction is
/// geometric and wavelength-independent, gamma = k R^alpha dB/km with k = 1.076, alpha = 0.67, R in mm/h (Carbonneau et al.
/// 1998, as tabulated by Kaushal and Kaddoum, IEEE Commun. Surv. Tutor. 19(1), 57, 2017). The same power law at radio
/// frequencies is ITU-R P.838-3 (<see cref="ItuP838"/>); at its 1000 GHz upper end the drops are already large against the
/// wavelength and its coefficients lie close to the optical ones (test RainAttenuationTests).
/// </summary>
public static class RainAttenuation
{
    /// <summary>k of the optical power law (dB/km per (mm/h)^alpha).</summary>
    public const double K = 1.076;

    /// <summary>alpha of the optical power law.</summary>
    public const double Alpha = 0.67;

    /// <summary>Specific attenuation in dB/km for a rain rate in mm/h (0 for no rain).</summary>
    public static double DbPerKm(double rainRateMmPerHour) =>
        rainRateMmPerHour <= 0 ? 0.0 : K * Math.Pow(rainRateMmPerHour, Alpha);
}
