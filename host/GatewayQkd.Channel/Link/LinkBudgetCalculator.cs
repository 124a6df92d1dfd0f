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
        LinkOptionsValidator.ThrowIfInvalid(options);
        var geometry = GeometryOf(options);
        var wave = options.EffectiveWave;
        var wavelengthM = options.WavelengthNm * 1e-9;
        var pathM = geometry.PathLengthKm * 1000;
        var profile = new HufnagelValley(options.WindSpeedMs, options.GroundCn2);
        var cn2 = geometry.IsSlant ? profile.Cn2(geometry.GroundAltitudeKm * 1000) : options.HorizontalCn2 ?? profile.Cn2(geometry.GroundAltitudeKm * 1000);
        var rytov = geometry.IsSlant
            ? RytovVariance.Slant(profile, wavelengthM, geometry, wave)
            : RytovVariance.Horizontal(cn2, wavelengthM, pathM, wave);
        var fried = FriedParameter.Metres(profile, cn2, wavelengthM, geometry, wave);
        var divergence = options.DivergenceUrad * 1e-6;
        var beam = options.TurbulentBeamSpreading && !geometry.IsSlant
            ? GaussianBeam.LongTermRadiusM(wavelengthM, divergence, pathM, rytov)
            : GaussianBeam.RadiusM(wavelengthM, divergence, pathM);
        var wander2 = BeamWanderVarianceM2(options, geometry, profile, cn2, wavelengthM, divergence, wave, fried);

        // HAP vibration moves the beam of a HAP transmitter (downlink: displacement L sigma_theta at the ground) but tilts the
        // receiver of an uplink (angular error against the receiver's field of view). Beam wander adds sigma^2 = <r_c^2>/2 per axis.
        var transmitterJitterM = options.Kind == LinkKind.Uplink ? 0.0 : pathM * options.JitterUrad * 1e-6;
        var displacementM = Math.Sqrt((transmitterJitterM * transmitterJitterM) + (wander2 / 2));
        var pointing = new PointingError(beam, options.ApertureDiameterM / 2, displacementM);
        var receiverGSquared = options.Kind == LinkKind.Uplink && options.JitterUrad > 0
            ? Math.Pow(options.ReceiverFieldOfViewUrad / (2 * options.JitterUrad), 2)
            : double.PositiveInfinity;
        var gammaGamma = rytov > 0 ? GammaGammaParameters.FromRytov(rytov, wave) : null;
        var averaged = rytov > 0
            ? GammaGammaParameters.ApertureAveraged(rytov, wave, GammaGammaParameters.ApertureParameterSquared(wavelengthM, options.ApertureDiameterM, pathM))
            : null;
        var model = averaged is null ? FadingModel.None : options.Fading;
        var fading = new FadingSpec(model, pointing.CollectedFraction, averaged?.ScintillationIndex ?? 0.0, pointing.GSquared, receiverGSquared);
        return new LinkBudget
        {
            Options = options,
            Geometry = geometry,
            AerosolDb = AtmosphericPath.AerosolDb(options, geometry),
            RainDb = AtmosphericPath.RainDb(options, geometry),
            BeamRadiusM = beam,
            Pointing = pointing,
            Cn2 = cn2,
            Wave = wave,
            BeamWanderM = Math.Sqrt(wander2),
            RytovVariance = rytov,
            FriedParameterM = fried,
            GammaGamma = gammaGamma,
            ApertureAveraged = averaged,
            Fading = fading,
        };
    }

    /// <summary>The geometry the options describe; slant links below <see cref="LinkOptionsValidator.MinimumElevationDeg"/> are refused.</summary>
    public static LinkGeometry GeometryOf(LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Kind == LinkKind.Horizontal)
        {
            return LinkGeometry.Horizontal(options.DistanceKm, options.GroundAltitudeKm);
        }

        var geometry = options.ElevationDeg is { } elevation
            ? LinkGeometry.SlantFromZenith(options.Kind, options.HapAltitudeKm, options.GroundAltitudeKm, (90 - elevation) * Math.PI / 180)
            : LinkGeometry.SlantFromGroundDistance(options.Kind, options.HapAltitudeKm, options.GroundAltitudeKm, options.DistanceKm);
        if (geometry.ElevationDeg < LinkOptionsValidator.MinimumElevationDeg - 1e-9)
        {
            throw new ArgumentOutOfRangeException(nameof(options.DistanceKm), options.DistanceKm,
                $"The ground terminal {options.DistanceKm} km from the nadir sees the HAP at {geometry.ElevationDeg:0.##} degrees elevation, below the model's " +
                $"{LinkOptionsValidator.MinimumElevationDeg} degrees (refraction and the long path through the boundary layer are not modelled below it).");
        }

        return geometry;
    }

    // <r_c^2>: ground-launched beams only (uplink: slant formula with the plane-wave r0; horizontal: constant-Cn2 formula).
    private static double BeamWanderVarianceM2(LinkOptions options, LinkGeometry geometry, HufnagelValley profile, double cn2, double wavelengthM, double divergence, WaveModel wave, double fried)
    {
        var waist = GaussianBeam.WaistM(wavelengthM, divergence);
        var pathM = geometry.PathLengthKm * 1000;
        return options.Kind switch
        {
            LinkKind.Uplink => BeamWander.UplinkVarianceM2(wavelengthM, waist, pathM,
                wave == WaveModel.Plane ? fried : FriedParameter.Metres(profile, cn2, wavelengthM, geometry, WaveModel.Plane)),
            LinkKind.Horizontal when cn2 > 0 => BeamWander.HorizontalVarianceM2(cn2, waist, pathM),
            _ => 0.0,
        };
    }
}
