namespace GatewayQkd.Channel.Geometry;

/// <summary>Spherical-Earth geometry between a HAP and a ground terminal.</summary>
public static class EarthGeometry
{
    /// <summary>Mean Earth radius in km (IUGG mean radius).</summary>
    public const double EarthRadiusKm = 6371.0;

    /// <summary>
    /// Slant range in km for a zenith angle at the ground terminal, with Earth curvature:
    /// L = sqrt(R_A^2 + R_G^2 (cos^2 zeta - 1)) - R_G cos zeta, R_A = R_E + H, R_G = R_E + h0
    /// (law of cosines; as in RajaYehia/balloon_qnet free_space_losses.py).
    /// </summary>
    public static double SlantRangeKm(double hapAltitudeKm, double groundAltitudeKm, double zenithRad)
    {
        var ra = EarthRadiusKm + hapAltitudeKm;
        var rg = EarthRadiusKm + groundAltitudeKm;
        var c = Math.Cos(zenithRad);
        return Math.Sqrt((ra * ra) + (rg * rg * ((c * c) - 1))) - (rg * c);
    }

    /// <summary>
    /// Zenith angle at a ground terminal that lies an arc distance d (km, along the sea-level surface) from the HAP's
    /// nadir: cos zeta = (R_A cos phi - R_G) / L with phi = d / R_E.
    /// </summary>
    public static double ZenithFromGroundDistance(double hapAltitudeKm, double groundAltitudeKm, double groundDistanceKm)
    {
        var phi = groundDistanceKm / EarthRadiusKm;
        var ra = EarthRadiusKm + hapAltitudeKm;
        var rg = EarthRadiusKm + groundAltitudeKm;
        var dx = rg * Math.Sin(phi);
        var dy = ra - (rg * Math.Cos(phi));
        var range = Math.Sqrt((dx * dx) + (dy * dy));
        var cosZenith = ((ra * Math.Cos(phi)) - rg) / range;
        if (cosZenith <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(groundDistanceKm), groundDistanceKm,
                $"A ground terminal {groundDistanceKm} km from the nadir is below the horizon of a HAP at {hapAltitudeKm} km.");
        }

        return Math.Acos(Math.Min(1.0, cosZenith));
    }
}
