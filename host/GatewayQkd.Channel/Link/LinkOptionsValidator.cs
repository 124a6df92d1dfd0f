using GatewayQkd.Channel.Qkd;
using GatewayQkd.Channel.Geometry;

namespace GatewayQkd.Channel.Link;

/// <summary>Checks a <see cref="LinkOptions"/> and throws an <see cref="ArgumentException"/> naming the bad parameter.</summary>
public static class LinkOptionsValidator
{
    /// <summary>The lowest elevation of a slant link the model accepts, in degrees (refraction is not modelled below it).</summary>
    public const double MinimumElevationDeg = 5;

    /// <summary>Throws if any parameter is out of its physical range.</summary>
    public static void ThrowIfInvalid(LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Require.NonNegative(options.DistanceKm, nameof(options.DistanceKm));
        if (options.Kind == LinkKind.Horizontal)
        {
            Require.Positive(options.DistanceKm, nameof(options.DistanceKm));
        }

        if (options.ElevationDeg is { } elevation)
        {
            Require.InRange(elevation, MinimumElevationDeg, 90, nameof(options.ElevationDeg));
        }

        Require.Positive(options.HapAltitudeKm, nameof(options.HapAltitudeKm));
        Require.NonNegative(options.GroundAltitudeKm, nameof(options.GroundAltitudeKm));
        if (options.Kind != LinkKind.Horizontal && options.GroundAltitudeKm >= options.HapAltitudeKm)
        {
            throw new ArgumentOutOfRangeException(nameof(options.GroundAltitudeKm), options.GroundAltitudeKm,
                $"GroundAltitudeKm must be below HapAltitudeKm ({options.HapAltitudeKm} km).");
        }

        Require.Positive(options.WavelengthNm, nameof(options.WavelengthNm));
        Require.Positive(options.VisibilityKm, nameof(options.VisibilityKm));
        Require.NonNegative(options.RainRateMmPerHour, nameof(options.RainRateMmPerHour));
        Require.NonNegative(options.RainHeightKm, nameof(options.RainHeightKm));
        Require.Positive(options.FogLayerKm, nameof(options.FogLayerKm));
        Require.Positive(options.ReceiverFieldOfViewUrad, nameof(options.ReceiverFieldOfViewUrad));
        Require.Positive(options.BoundaryLayerKm, nameof(options.BoundaryLayerKm));
        Require.Positive(options.AerosolScaleHeightKm, nameof(options.AerosolScaleHeightKm));
        Require.NonNegative(options.WindSpeedMs, nameof(options.WindSpeedMs));
        Require.NonNegative(options.GroundCn2, nameof(options.GroundCn2));
        if (options.HorizontalCn2 is { } cn2)
        {
            Require.NonNegative(cn2, nameof(options.HorizontalCn2));
        }

        Require.Positive(options.DivergenceUrad, nameof(options.DivergenceUrad));
        Require.Positive(options.ApertureDiameterM, nameof(options.ApertureDiameterM));
        Require.NonNegative(options.JitterUrad, nameof(options.JitterUrad));
        Require.AtLeast(options.SplitRatio, 1, nameof(options.SplitRatio));
        Require.Probability(options.OpticsEfficiency, nameof(options.OpticsEfficiency));
        Require.Probability(options.DetectorEfficiency, nameof(options.DetectorEfficiency));
        QkdParametersValidator.ThrowIfInvalid(options.Qkd);
    }
}
