using GatewayQkd.Channel.Numerics;
using GatewayQkd.Channel.Atmosphere;
using GatewayQkd.Channel.Geometry;

namespace GatewayQkd.Channel.Link;

/// <summary>
/// Aerosol and rain attenuation in dB along a link. Horizontal links: ground extinction over the whole path. Slant links:
/// aerosols only in the boundary layer (effective layer H_eff sec(zeta), or the exponential profile
/// beta0 Hs (1 - exp(-(H - h0)/Hs)) sec(zeta)), rain only below the rain height.
/// </summary>
public static class AtmosphericPath
{
    /// <summary>Aerosol (visibility) attenuation in dB.</summary>
    public static double AerosolDb(LinkOptions options, LinkGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(geometry);
        var dbPerKm = VisibilityAttenuation.DbPerKm(options.WavelengthNm, options.VisibilityKm, options.VisibilityModel);
        if (!geometry.IsSlant || options.BoundaryLayer == BoundaryLayerModel.WholePath)
        {
            return dbPerKm * geometry.PathLengthKm;
        }

        var column = geometry.HapAltitudeKm - geometry.GroundAltitudeKm;
        var effectiveKm = options.BoundaryLayer == BoundaryLayerModel.EffectiveLayer
            ? Math.Min(options.BoundaryLayerKm, column)
            : options.AerosolScaleHeightKm * -Series.ExpM1(-column / options.AerosolScaleHeightKm);
        return dbPerKm * Math.Min(effectiveKm * geometry.SecZenith, geometry.PathLengthKm);
    }

    /// <summary>Rain attenuation in dB (ITU-R P.1814 specific attenuation over the rainy part of the path).</summary>
    public static double RainDb(LinkOptions options, LinkGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(geometry);
        var rainyKm = geometry.IsSlant
            ? Math.Min(Math.Min(options.RainHeightKm, geometry.HapAltitudeKm - geometry.GroundAltitudeKm) * geometry.SecZenith, geometry.PathLengthKm)
            : geometry.PathLengthKm;
        return RainAttenuation.DbPerKm(options.RainRateMmPerHour) * rainyKm;
    }
}
