using GatewayQkd.Channel.Beam;
using GatewayQkd.Channel.Fading;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Link;

/// <summary>Turns validated <see cref="LinkOptions"/> into a <see cref="LinkBudget"/>.</summary>
public static class LinkBudgetCalculator
{
    /// <summary>Validates the options and computes the budget.</summary>
    public static LinkBudget Compute(LinkOptions options)
    {
        LinkOptionsValidator.Validate(options);
        var geometry = GeometryOf(options);
        var wavelengthM = options.WavelengthNm * 1e-9;
        var pathM = geometry.PathLengthKm * 1000;
        var profile = new HufnagelValley(options.WindSpeedMs, options.GroundCn2);
        var cn2 = geometry.IsSlant ? profile.Cn2(geometry.GroundAltitudeKm * 1000) : options.HorizontalCn2 ?? profile.Cn2(geometry.GroundAltitudeKm * 1000);
        var rytov = geometry.IsSlant
            ? RytovVariance.Slant(profile, wavelengthM, geometry, options.Wave)
            : RytovVariance.Horizontal(cn2, wavelengthM, pathM, options.Wave);
        var fried = FriedParameter.Metres(profile, cn2, wavelengthM, geometry, options.Wave);
        var divergence = options.DivergenceUrad * 1e-6;
        var beam = options.TurbulentBeamSpreading && !geometry.IsSlant
            ? GaussianBeam.LongTermRadiusM(wavelengthM, divergence, pathM, rytov)
            : GaussianBeam.RadiusM(wavelengthM, divergence, pathM);
        var pointing = new PointingError(beam, options.ApertureDiameterM / 2, pathM * options.JitterUrad * 1e-6);
        var gammaGamma = rytov > 0 ? GammaGammaParameters.FromRytov(rytov, options.Wave) : null;
        var scintillation = gammaGamma?.ScintillationIndex ?? 0.0;
        var fading = new FadingSpec(
            gammaGamma is null ? FadingModel.None : options.Fading,
            gammaGamma?.Alpha ?? double.PositiveInfinity,
            gammaGamma?.Beta ?? double.PositiveInfinity,
            scintillation,
            pointing.GSquared);
        return new LinkBudget
        {
            Options = options,
            Geometry = geometry,
            AerosolDb = AtmosphericPath.AerosolDb(options, geometry),
            RainDb = AtmosphericPath.RainDb(options, geometry),
            BeamRadiusM = beam,
            Pointing = pointing,
            Cn2 = cn2,
            RytovVariance = rytov,
            FriedParameterM = fried,
            GammaGamma = gammaGamma,
            Fading = fading,
        };
    }

    /// <summary>The geometry the options describe.</summary>
    public static LinkGeometry GeometryOf(LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Kind == LinkKind.Horizontal)
        {
            return LinkGeometry.Horizontal(options.DistanceKm, options.GroundAltitudeKm);
        }

        return options.ElevationDeg is { } elevation
            ? LinkGeometry.SlantFromZenith(options.Kind, options.HapAltitudeKm, options.GroundAltitudeKm, (90 - elevation) * Math.PI / 180)
            : LinkGeometry.SlantFromGroundDistance(options.Kind, options.HapAltitudeKm, options.GroundAltitudeKm, options.DistanceKm);
    }
}
