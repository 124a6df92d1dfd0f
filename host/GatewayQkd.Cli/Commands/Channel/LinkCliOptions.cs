using System.CommandLine;
using GatewayQkd.Channel.Atmosphere;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Qkd;
using GatewayQkd.Channel.Turbulence;
using GatewayQkd.Cli.Commands.Options;
using static GatewayQkd.Cli.Commands.Options.ModelOption<GatewayQkd.Channel.Link.LinkOptions>;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>
/// The link-physics options of `channel`, each declared once here. None has a command-line default: an option that is
/// not given keeps the model's documented default (docs/channel-model.md), shown in its help text, or the preset's
/// value. They apply in this order, so --weather (a word option) comes before the numeric options: --weather heavy-rain
/// --rain-mm-h 40 means heavy-rain visibility with 40 mm/h.
/// </summary>
public sealed class LinkCliOptions
{
    /// <summary>Gets every link option, in the order they apply.</summary>
    public IReadOnlyList<ModelOption<LinkOptions>> All { get; } =
    [
        Choice("--link", "link kind", "downlink", ("horizontal", o => o with { Kind = LinkKind.Horizontal }), ("downlink", o => o with { Kind = LinkKind.Downlink }), ("uplink", o => o with { Kind = LinkKind.Uplink })),
        Choice("--weather", "named weather (sets visibility, rain rate and fog layer; " + string.Join(", ", WeatherPresets.Names) + ")", "none (the visibility and rain options)",
            [.. WeatherPresets.All.Select(w => (w.Name, (Func<LinkOptions, LinkOptions>)(o => o.With(w))))]),
        Choice("--visibility-model", "visibility model", "kim", ("kim", o => o with { VisibilityModel = VisibilityModel.Kim }), ("kruse", o => o with { VisibilityModel = VisibilityModel.Kruse })),
        Choice("--boundary-layer", "aerosols on slant paths", "effective",
            ("effective", o => o with { BoundaryLayer = BoundaryLayerModel.EffectiveLayer }),
            ("exponential", o => o with { BoundaryLayer = BoundaryLayerModel.Exponential }),
            ("whole-path", o => o with { BoundaryLayer = BoundaryLayerModel.WholePath })),
        Choice("--wave", "wave model", "per link: spherical for uplink and horizontal (ground-launched), plane for downlink",
            ("plane", o => o with { Wave = WaveModel.Plane }), ("spherical", o => o with { Wave = WaveModel.Spherical })),
        Choice("--fading", "turbulence scintillation (aperture-averaged Gamma-Gamma strength on the bounded collected-power law)", "gamma-gamma",
            ("gamma-gamma", o => o with { Fading = FadingModel.GammaGamma }),
            ("none", o => o with { Fading = FadingModel.None })),
        Choice("--protocol", "decoy estimation", "infinite",
            ("infinite", o => o with { Qkd = o.Qkd with { Protocol = DecoyProtocol.InfiniteDecoy } }),
            ("vacuum-weak", o => o with { Qkd = o.Qkd with { Protocol = DecoyProtocol.VacuumWeakDecoy } })),
        Choice("--distillation", "key distillation over fading: one block of averaged statistics, or each fading state on its own (Vallone et al. 2015)", "block",
            ("block", o => o with { Qkd = o.Qkd with { Distillation = KeyDistillation.Block } }),
            ("per-state", o => o with { Qkd = o.Qkd with { Distillation = KeyDistillation.PerState } })),
        Flag("--turbulent-spreading", "add long-term turbulent beam spreading (horizontal links) [default: off]", o => o with { TurbulentBeamSpreading = true }),
        Number("--distance-km", nameof(LinkOptions.DistanceKm), "horizontal path length, or GN ground distance from the HAP nadir (km)", (o, v) => o with { DistanceKm = v }, o => Show(o.DistanceKm)),
        Number("--elevation-deg", nameof(LinkOptions.ElevationDeg), $"elevation at the ground end (deg, >= {LinkOptionsValidator.MinimumElevationDeg}); replaces --distance-km for slant links", (o, v) => o with { ElevationDeg = v }, _ => "from --distance-km"),
        Number("--hap-altitude-km", nameof(LinkOptions.HapAltitudeKm), "HAP altitude (km)", (o, v) => o with { HapAltitudeKm = v }, o => Show(o.HapAltitudeKm)),
        Number("--ground-altitude-km", nameof(LinkOptions.GroundAltitudeKm), "ground terminal / horizontal link altitude (km)", (o, v) => o with { GroundAltitudeKm = v }, o => Show(o.GroundAltitudeKm)),
        Number("--wavelength-nm", nameof(LinkOptions.WavelengthNm), "wavelength (nm)", (o, v) => o with { WavelengthNm = v }, o => Show(o.WavelengthNm)),
        Number("--visibility-km", nameof(LinkOptions.VisibilityKm), "ground visibility (km; below 1 km it is fog in a ground layer)", (o, v) => o with { VisibilityKm = v }, o => Show(o.VisibilityKm)),
        Number("--fog-layer-km", nameof(LinkOptions.FogLayerKm), "fog-layer thickness on slant paths (km)", (o, v) => o with { FogLayerKm = v }, o => Show(o.FogLayerKm)),
        Number("--rain-mm-h", nameof(LinkOptions.RainRateMmPerHour), "rain rate (mm/h)", (o, v) => o with { RainRateMmPerHour = v }, o => Show(o.RainRateMmPerHour)),
        Number("--rain-height-km", nameof(LinkOptions.RainHeightKm), "rain height above the ground terminal (km)", (o, v) => o with { RainHeightKm = v }, o => Show(o.RainHeightKm)),
        Number("--boundary-layer-km", nameof(LinkOptions.BoundaryLayerKm), "effective aerosol layer thickness (km)", (o, v) => o with { BoundaryLayerKm = v }, o => Show(o.BoundaryLayerKm)),
        Number("--scale-height-km", nameof(LinkOptions.AerosolScaleHeightKm), "aerosol scale height for --boundary-layer exponential (km)", (o, v) => o with { AerosolScaleHeightKm = v }, o => Show(o.AerosolScaleHeightKm)),
        Number("--cn2", nameof(LinkOptions.HorizontalCn2), "Cn2 of a horizontal link (m^-2/3)", (o, v) => o with { HorizontalCn2 = v }, _ => "Hufnagel-Valley at the link altitude"),
        Number("--hv-a", nameof(LinkOptions.GroundCn2), "Hufnagel-Valley ground term A for slant links (m^-2/3)", (o, v) => o with { GroundCn2 = v }, o => Show(o.GroundCn2)),
        Number("--wind-ms", nameof(LinkOptions.WindSpeedMs), "Hufnagel-Valley rms wind speed (m/s)", (o, v) => o with { WindSpeedMs = v }, o => Show(o.WindSpeedMs)),
        Number("--divergence-urad", nameof(LinkOptions.DivergenceUrad), "transmitter divergence half-angle (urad)", (o, v) => o with { DivergenceUrad = v }, o => Show(o.DivergenceUrad)),
        Number("--aperture-m", nameof(LinkOptions.ApertureDiameterM), "receiver aperture diameter (m)", (o, v) => o with { ApertureDiameterM = v }, o => Show(o.ApertureDiameterM)),
        Number("--jitter-urad", nameof(LinkOptions.JitterUrad), "HAP terminal angular jitter per axis (urad): beam jitter on downlinks, receiver tilt on uplinks", (o, v) => o with { JitterUrad = v }, o => Show(o.JitterUrad)),
        Number("--fov-urad", nameof(LinkOptions.ReceiverFieldOfViewUrad), "receiver field of view, 1/e^2 half-angle (urad; the uplink's HAP receiver)", (o, v) => o with { ReceiverFieldOfViewUrad = v }, o => Show(o.ReceiverFieldOfViewUrad)),
        Number("--optics-efficiency", nameof(LinkOptions.OpticsEfficiency), "receiver optics transmittance (0-1)", (o, v) => o with { OpticsEfficiency = v }, o => Show(o.OpticsEfficiency)),
        Number("--detector-efficiency", nameof(LinkOptions.DetectorEfficiency), "detector efficiency (0-1)", (o, v) => o with { DetectorEfficiency = v }, o => Show(o.DetectorEfficiency)),
        Number("--mu", nameof(QkdParameters.SignalMeanPhotonNumber), "signal mean photon number", (o, v) => o with { Qkd = o.Qkd with { SignalMeanPhotonNumber = v } }, o => Show(o.Qkd.SignalMeanPhotonNumber)),
        Number("--nu", nameof(QkdParameters.DecoyMeanPhotonNumber), "weak decoy mean photon number", (o, v) => o with { Qkd = o.Qkd with { DecoyMeanPhotonNumber = v } }, o => Show(o.Qkd.DecoyMeanPhotonNumber)),
        Number("--mu3", nameof(QkdParameters.VacuumDecoyMeanPhotonNumber), "vacuum-decoy mean photon number (finite key)", (o, v) => o with { Qkd = o.Qkd with { VacuumDecoyMeanPhotonNumber = v } }, o => Show(o.Qkd.VacuumDecoyMeanPhotonNumber)),
        Number("--dark-count", nameof(QkdParameters.DarkCountProbability), "dark count probability per gate (0-1)", (o, v) => o with { Qkd = o.Qkd with { DarkCountProbability = v } }, o => Show(o.Qkd.DarkCountProbability)),
        Number("--background", nameof(QkdParameters.BackgroundProbability), "background count probability per gate (0-1)", (o, v) => o with { Qkd = o.Qkd with { BackgroundProbability = v } }, o => Show(o.Qkd.BackgroundProbability)),
        Number("--misalignment", nameof(QkdParameters.MisalignmentError), "misalignment error e_d (0-0.5)", (o, v) => o with { Qkd = o.Qkd with { MisalignmentError = v } }, o => Show(o.Qkd.MisalignmentError)),
        Number("--f-ec", nameof(QkdParameters.ErrorCorrectionEfficiency), "error correction inefficiency f_EC (>= 1)", (o, v) => o with { Qkd = o.Qkd with { ErrorCorrectionEfficiency = v } }, o => Show(o.Qkd.ErrorCorrectionEfficiency)),
        Number("--sifting", nameof(QkdParameters.SiftingFactor), "sifting factor q (0-1; asymptotic rate)", (o, v) => o with { Qkd = o.Qkd with { SiftingFactor = v } }, o => Show(o.Qkd.SiftingFactor)),
        Number("--rep-rate-hz", nameof(QkdParameters.RepetitionRateHz), "pulse repetition rate (Hz)", (o, v) => o with { Qkd = o.Qkd with { RepetitionRateHz = v } }, o => Show(o.Qkd.RepetitionRateHz)),
        Number("--block-pulses", nameof(FiniteKeyParameters.BlockPulses), "finite-key block: pulses N per block (Lim et al. 2014); sets the finite-key rate", (o, v) => o with { Qkd = o.Qkd with { FiniteKey = (o.Qkd.FiniteKey ?? new FiniteKeyParameters()) with { BlockPulses = v } } }, _ => "asymptotic (no finite block)"),
        Number("--eps-sec", nameof(FiniteKeyParameters.SecrecyEpsilon), "finite-key secrecy parameter eps_sec", (o, v) => o with { Qkd = o.Qkd with { FiniteKey = (o.Qkd.FiniteKey ?? new FiniteKeyParameters()) with { SecrecyEpsilon = v } } }, _ => Show(new FiniteKeyParameters().SecrecyEpsilon)),
        Number("--eps-cor", nameof(FiniteKeyParameters.CorrectnessEpsilon), "finite-key correctness parameter eps_cor", (o, v) => o with { Qkd = o.Qkd with { FiniteKey = (o.Qkd.FiniteKey ?? new FiniteKeyParameters()) with { CorrectnessEpsilon = v } } }, _ => Show(new FiniteKeyParameters().CorrectnessEpsilon)),
    ];

    /// <summary>Adds every option to a command and records the model property each number sets.</summary>
    public void AddTo(Command command, OptionMap map) => ModelOption<LinkOptions>.AddTo(All, command, map);

    /// <summary>The base options with every option the user gave applied.</summary>
    public LinkOptions Apply(ParseResult parseResult, LinkOptions options) => ModelOption<LinkOptions>.ApplyAll(All, parseResult, options);
}
