namespace GatewayQkd.Channel.Geometry;

/// <summary>
/// The resolved geometry of one link: path length, zenith angle at the ground end and the altitudes of both ends.
/// Horizontal links have zenith 90 degrees and both ends at <see cref="GroundAltitudeKm"/>.
/// </summary>
public sealed record LinkGeometry(LinkKind Kind, double PathLengthKm, double ZenithRad, double GroundAltitudeKm, double HapAltitudeKm)
{
    /// <summary>Gets the elevation angle at the ground terminal in degrees.</summary>
    public double ElevationDeg => 90.0 - (ZenithRad * 180.0 / Math.PI);

    /// <summary>Gets the secant of the zenith angle (the flat-layer path stretch factor of slant integrals).</summary>
    public double SecZenith => 1.0 / Math.Cos(ZenithRad);

    /// <summary>Gets a value indicating whether the link is slant (to or from the HAP).</summary>
    public bool IsSlant => Kind != LinkKind.Horizontal;

    /// <summary>A horizontal link of a given length at a given altitude.</summary>
    public static LinkGeometry Horizontal(double distanceKm, double altitudeKm) =>
        new(LinkKind.Horizontal, distanceKm, Math.PI / 2, altitudeKm, altitudeKm);

    /// <summary>A slant link to a ground terminal an arc distance away from the HAP's nadir.</summary>
    public static LinkGeometry SlantFromGroundDistance(LinkKind kind, double hapAltitudeKm, double groundAltitudeKm, double groundDistanceKm)
    {
        var zenith = EarthGeometry.ZenithFromGroundDistance(hapAltitudeKm, groundAltitudeKm, groundDistanceKm);
        return SlantFromZenith(kind, hapAltitudeKm, groundAltitudeKm, zenith);
    }

    /// <summary>A slant link seen at a given zenith angle from the ground terminal.</summary>
    public static LinkGeometry SlantFromZenith(LinkKind kind, double hapAltitudeKm, double groundAltitudeKm, double zenithRad) =>
        new(kind, EarthGeometry.SlantRangeKm(hapAltitudeKm, groundAltitudeKm, zenithRad), zenithRad, groundAltitudeKm, hapAltitudeKm);
}
