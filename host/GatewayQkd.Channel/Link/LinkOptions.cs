using GatewayQkd.Channel.Atmosphere;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Qkd;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Channel.Link;

/// <summary>
/// Every parameter of one FSO QKD link. Defaults and their sources are listed in docs/channel-model.md; check a set with
/// <see cref="LinkOptionsValidator.ThrowIfInvalid"/> (the model calls it).
/// </summary>
public sealed record LinkOptions
{
    /// <summary>Gets the link direction (horizontal, HAP downlink or uplink).</summary>
    public LinkKind Kind { get; init; } = LinkKind.Downlink;

    /// <summary>Gets the distance in km: path length of a horizontal link, ground distance from the HAP nadir of a slant link.</summary>
    public double DistanceKm { get; init; } = 10;

    /// <summary>Gets the elevation angle in degrees at the ground end; when set it replaces <see cref="DistanceKm"/> for slant links.</summary>
    public double? ElevationDeg { get; init; }

    /// <summary>Gets the HAP altitude in km.</summary>
    public double HapAltitudeKm { get; init; } = 20;

    /// <summary>Gets the ground terminal altitude in km (also the altitude of a horizontal link).</summary>
    public double GroundAltitudeKm { get; init; }

    /// <summary>Gets the wavelength in nm.</summary>
    public double WavelengthNm { get; init; } = 1550;

    /// <summary>Gets the ground-level visibility in km.</summary>
    public double VisibilityKm { get; init; } = 23;

    /// <summary>Gets the visibility-to-extinction model.</summary>
    public VisibilityModel VisibilityModel { get; init; } = VisibilityModel.Kim;

    /// <summary>Gets the fog-layer thickness in km: below 1 km visibility (fog) the ground extinction fills only this layer of a slant path.</summary>
    public double FogLayerKm { get; init; } = 0.3;

    /// <summary>Gets the rain rate in mm/h (0 = dry).</summary>
    public double RainRateMmPerHour { get; init; }

    /// <summary>Gets the rain height in km above the ground terminal (rain attenuates only below it on slant paths).</summary>
    public double RainHeightKm { get; init; } = 3;

    /// <summary>Gets how aerosol extinction is spread along slant paths.</summary>
    public BoundaryLayerModel BoundaryLayer { get; init; } = BoundaryLayerModel.EffectiveLayer;

    /// <summary>Gets H_eff, the effective aerosol layer thickness in km (<see cref="BoundaryLayerModel.EffectiveLayer"/>).</summary>
    public double BoundaryLayerKm { get; init; } = 4;

    /// <summary>Gets Hs, the aerosol scale height in km (<see cref="BoundaryLayerModel.Exponential"/>).</summary>
    public double AerosolScaleHeightKm { get; init; } = 1.2;

    /// <summary>Gets the Hufnagel-Valley rms wind speed v in m/s.</summary>
    public double WindSpeedMs { get; init; } = 21;

    /// <summary>Gets the Hufnagel-Valley ground term A in m^-2/3 (turbulence strength of slant links).</summary>
    public double GroundCn2 { get; init; } = 1.7e-14;

    /// <summary>Gets the Cn2 of a horizontal link in m^-2/3; null takes the Hufnagel-Valley value at the link altitude.</summary>
    public double? HorizontalCn2 { get; init; }

    /// <summary>Gets the wave model of the Rytov variance and Gamma-Gamma parameters; null = the link type's (<see cref="WaveModels.For"/>).</summary>
    public WaveModel? Wave { get; init; }

    /// <summary>Gets the wave model in use: the chosen one, or spherical for ground-launched beams and plane for downlinks.</summary>
    public WaveModel EffectiveWave => Wave ?? WaveModels.For(Kind);

    /// <summary>Gets the irradiance fading distribution.</summary>
    public FadingModel Fading { get; init; } = FadingModel.GammaGamma;

    /// <summary>Gets the transmitter divergence half-angle (1/e^2) in microradians.</summary>
    public double DivergenceUrad { get; init; } = 20;

    /// <summary>Gets a value indicating whether horizontal links add long-term turbulent beam spreading.</summary>
    public bool TurbulentBeamSpreading { get; init; }

    /// <summary>Gets the receiver aperture diameter in metres.</summary>
    public double ApertureDiameterM { get; init; } = 0.3;

    /// <summary>
    /// Gets the rms angular jitter per axis of the HAP terminal (vibration) in microradians: on a downlink (and a horizontal
    /// link's transmitter) it moves the beam, sigma_s = L sigma_theta; on an uplink it tilts the HAP receiver against its
    /// field of view.
    /// </summary>
    public double JitterUrad { get; init; } = 2;

    /// <summary>Gets the receiver field of view (1/e^2 half-angle of its angular acceptance) in microradians; used for the uplink's HAP receiver.</summary>
    public double ReceiverFieldOfViewUrad { get; init; } = 50;

    /// <summary>Gets the passive 1:N beam split ahead of this receiver (1 = none); the channel keeps 1/N of the power.</summary>
    public int SplitRatio { get; init; } = 1;

    /// <summary>Gets the receiver optics transmittance.</summary>
    public double OpticsEfficiency { get; init; } = 0.6;

    /// <summary>Gets the single-photon detector efficiency.</summary>
    public double DetectorEfficiency { get; init; } = 0.15;

    /// <summary>Gets the QKD source, detector and post-processing parameters.</summary>
    public QkdParameters Qkd { get; init; } = new();

    /// <summary>Gets eta_Bob = optics x detector efficiency.</summary>
    public double ReceiverEfficiency => OpticsEfficiency * DetectorEfficiency;
}
