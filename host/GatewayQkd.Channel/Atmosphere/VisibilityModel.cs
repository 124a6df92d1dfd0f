namespace GatewayQkd.Channel.Atmosphere;

/// <summary>Empirical aerosol-scattering model that maps visibility to the wavelength exponent q.</summary>
public enum VisibilityModel
{
    /// <summary>Kim, McArthur, Korevaar, Proc. SPIE 4214 (2001): piecewise q, q = 0 in dense fog.</summary>
    Kim,

    /// <summary>Kruse (1962): q = 0.585 V^(1/3) for V &lt;= 6 km, as Kim above 6 km.</summary>
    Kruse,
}
