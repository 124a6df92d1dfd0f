namespace GatewayQkd.Channel.Atmosphere;

/// <summary>
/// Beer-Lambert aerosol extinction from visibility: beta = (3.91 / V) (lambda / 550 nm)^(-q) per km
/// (Kim et al., Proc. SPIE 4214, 2001; Kruse 1962; ITU-R P.1814).
/// </summary>
public static class VisibilityAttenuation
{
    /// <summary>dB per neper of power: 10 log10(e).</summary>
    public const double DbPerNeper = 4.342944819032518;

    /// <summary>The wavelength exponent q for a visibility in km.</summary>
    public static double Exponent(double visibilityKm, VisibilityModel model)
    {
        if (visibilityKm > 50)
        {
            return 1.6;
        }

        if (visibilityKm > 6)
        {
            return 1.3;
        }

        if (model == VisibilityModel.Kruse)
        {
            return 0.585 * Math.Cbrt(visibilityKm);
        }

        if (visibilityKm > 1)
        {
            return (0.16 * visibilityKm) + 0.34;
        }

        return visibilityKm > 0.5 ? visibilityKm - 0.5 : 0.0;
    }

    /// <summary>Extinction coefficient beta in 1/km.</summary>
    public static double ExtinctionPerKm(double wavelengthNm, double visibilityKm, VisibilityModel model) =>
        3.91 / visibilityKm * Math.Pow(wavelengthNm / 550.0, -Exponent(visibilityKm, model));

    /// <summary>Specific attenuation in dB/km (A = 4.343 beta).</summary>
    public static double DbPerKm(double wavelengthNm, double visibilityKm, VisibilityModel model) =>
        DbPerNeper * ExtinctionPerKm(wavelengthNm, visibilityKm, model);
}
