using GatewayQkd.Channel.Atmosphere;
using GatewayQkd.Channel.Numerics;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Link;

/// <summary>
/// Aerosol, fog and rain attenuation in dB along a link. Horizontal links: ground extinction over the whole path. Slant
/// links follow the straight ray through spherical shells (no flat-layer sec(zeta)): aerosols in the boundary layer
/// (effective layer of thickness H_eff, or the exponential profile beta0 exp(-(h - h0)/Hs)), rain below the rain height.
/// Fog (visibility below 1 km, the fog classes of the International Visibility Code, Kim et al. 2001 Table 1) is a ground
/// layer of <see cref="LinkOptions.FogLayerKm"/>; above it the boundary layer holds clear-air aerosols
/// (<see cref="ClearAirVisibilityKm"/>). Radiation fog is typically tens to a few hundred metres deep (Gultepe et al., Pure
/// Appl. Geophys. 164, 1121, 2007) [modelling choice: 0.3 km].
/// </summary>
public static class AtmosphericPath
{
    /// <summary>The visibility below which the ground extinction is fog confined to the fog layer (km).</summary>
    public const double FogVisibilityKm = 1.0;

    /// <summary>The clear-air visibility above a fog layer (km; Kim's check value).</summary>
    public const double ClearAirVisibilityKm = 23.0;

    /// <summary>Aerosol (visibility, including fog) attenuation in dB.</summary>
    public static double AerosolDb(LinkOptions options, LinkGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(geometry);
        var dbPerKm = VisibilityAttenuation.DbPerKm(options.WavelengthNm, options.VisibilityKm, options.VisibilityModel);
        if (!geometry.IsSlant || options.BoundaryLayer == BoundaryLayerModel.WholePath)
        {
            return dbPerKm * geometry.PathLengthKm;
        }

        var fog = options.VisibilityKm < FogVisibilityKm;
        var clearDbPerKm = fog ? VisibilityAttenuation.DbPerKm(options.WavelengthNm, ClearAirVisibilityKm, options.VisibilityModel) : dbPerKm;
        var fogKm = fog ? LayerPathKm(geometry, options.FogLayerKm) : 0.0;
        if (options.BoundaryLayer == BoundaryLayerModel.EffectiveLayer)
        {
            var layerKm = LayerPathKm(geometry, options.BoundaryLayerKm);
            return (dbPerKm * Math.Min(fogKm, layerKm)) + (clearDbPerKm * Math.Max(layerKm - fogKm, 0));
        }

        // Exponential profile: Integral exp(-(h - h0)/Hs) ds along the curved ray; the thin fog layer replaces its bottom part.
        var scaleM = options.AerosolScaleHeightKm * 1000;
        var h0 = geometry.GroundAltitudeKm * 1000;
        var columnKm = SlantPathIntegral.Integrate(geometry, (h, _) => Math.Exp(-(h - h0) / scaleM)) / 1000;
        var fogColumnKm = fog ? options.AerosolScaleHeightKm * -Series.ExpM1(-options.FogLayerKm / options.AerosolScaleHeightKm) * fogKm / options.FogLayerKm : 0.0;
        return (dbPerKm * fogKm) + (clearDbPerKm * Math.Max(columnKm - fogColumnKm, 0));
    }

    /// <summary>Rain attenuation in dB (optical specific attenuation over the rainy part of the path).</summary>
    public static double RainDb(LinkOptions options, LinkGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(geometry);
        var rainyKm = geometry.IsSlant ? LayerPathKm(geometry, options.RainHeightKm) : geometry.PathLengthKm;
        return RainAttenuation.DbPerKm(options.RainRateMmPerHour) * rainyKm;
    }

    /// <summary>Length in km of the slant ray below a height above the ground terminal (the whole path if the layer reaches the HAP).</summary>
    public static double LayerPathKm(LinkGeometry geometry, double layerKm)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (!geometry.IsSlant)
        {
            return geometry.PathLengthKm;
        }

        var top = Math.Min(layerKm, geometry.HapAltitudeKm - geometry.GroundAltitudeKm);
        return top <= 0 ? 0.0 : Math.Min(EarthGeometry.SlantRangeKm(geometry.GroundAltitudeKm + top, geometry.GroundAltitudeKm, geometry.ZenithRad), geometry.PathLengthKm);
    }
}
