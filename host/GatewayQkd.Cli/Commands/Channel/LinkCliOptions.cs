using System.CommandLine;
using GatewayQkd.Channel.Atmosphere;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Qkd;
using GatewayQkd.Channel.Turbulence;
using static GatewayQkd.Cli.Commands.Channel.NumberOption;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>
/// The link-physics options of `channel`. None has a command-line default: an option that is not given keeps the model's
/// documented default (docs/channel-model.md), shown in its help text, or the preset's value. --weather applies before
/// the numeric options, so --weather heavy-rain --rain-mm-h 40 means heavy-rain visibility with 40 mm/h.
/// </summary>
public sealed class LinkCliOptions
{
    /// <summary>Gets the word-valued options.</summary>
    public IReadOnlyList<ChoiceOption> Choices { get; } =
    [
        new("--link", "link kind", "downlink", ("horizontal", o => o with { Kind = LinkKind.Horizontal }), ("downlink", o => o with { Kind = LinkKind.Downlink }), ("uplink", o => o with { Kind = LinkKind.Uplink })),
        new("--weather", "named weather (sets visibility, rain rate and fog layer; " + string.Join(", ", WeatherPresets.Names) + ")", "none (the visibility and rain options)",
            [.. WeatherPresets.All.Select(w => (w.Name, (Func<LinkOptions, LinkOptions>)(o => o.With(w))))]),
        new("--visibility-model", "visibility model", "kim", ("kim", o => o with { VisibilityModel = VisibilityModel.Kim }), ("kruse", o => o with { VisibilityModel = VisibilityModel.Kruse })),
        new("--boundary-layer", "aerosols on slant paths", "effective",
            ("effective", o => o with { BoundaryLayer = BoundaryLayerModel.EffectiveLayer }),
            ("exponential", o => o with { BoundaryLayer = BoundaryLayerModel.Exponential }),
            ("whole-path", o => o with { BoundaryLayer = BoundaryLayerModel.WholePath })),
        new("--wave", "wave model", "per link: spherical for uplink and horizontal (ground-launched), plane for downlink",
            ("plane", o => o with { Wave = WaveModel.Plane }), ("spherical", o => o with { Wave = WaveModel.Spherical })),
        new("--fading", "turbulence scintillation (aperture-averaged Gamma-Gamma strength on the bounded collected-power law)", "gamma-gamma",
            ("gamma-gamma", o => o with { Fading = FadingModel.GammaGamma }),
            ("none", o => o with { Fading = FadingModel.None })),
        new("--protocol", "decoy estimation", "infinite",
            ("infinite", o => o with { Qkd = o.Qkd with { Protocol = DecoyProtocol.InfiniteDecoy } }),
            ("vacuum-weak", o => o with { Qkd = o.Qkd with { Protocol = DecoyProtocol.VacuumWeakDecoy } })),
        new("--distillation", "key distillation over fading: one block of averaged statistics, or each fading state on its own (Vallone et al. 2015)", "block",
            ("block", o => o with { Qkd = o.Qkd with { Distillation = KeyDistillation.Block } }),
            ("per-state", o => o with { Qkd = o.Qkd with { Distillation = KeyDistillation.PerState } })),
    ];

    private readonly Option<bool> _turbulentSpreading = new("--turbulent-spreading") { Description = "add long-term turbulent beam spreading (horizontal links) [default: off]" };

    /// <summary>Gets the numeric options.</summary>
    public IReadOnlyList<NumberOption> Numbers { get; } =
    [
        new("--distance-km", nameof(LinkOptions.DistanceKm), "horizontal path length, or GN ground distance from the HAP nadir (km)", (o, v) => o with { DistanceKm = v }, o => Show(o.DistanceKm)),
        new("--elevation-deg", nameof(LinkOptions.ElevationDeg), $"elevation at the ground end (deg, >= {LinkOptionsValidator.MinimumElevationDeg}); replaces --distance-km for slant links", (o, v) => o with { ElevationDeg = v }, _ => "from --distance-km"),
        new("--hap-altitude-km", nameof(LinkOptions.HapAltitudeKm), "HAP altitude (km)", (o, v) => o with { HapAltitudeKm = v }, o => Show(o.HapAltitudeKm)),
        new("--ground-altitude-km", nameof(LinkOptions.GroundAltitudeKm), "ground terminal / horizontal link altitude (km)", (o, v) => o with { GroundAltitudeKm = v }, o => Show(o.GroundAltitudeKm)),
        new("--wavelength-nm", nameof(LinkOptions.WavelengthNm), "wavelength (nm)", (o, v) => o with { WavelengthNm = v }, o => Show(o.WavelengthNm)),
        new("--visibility-km", nameof(LinkOptions.VisibilityKm), "ground visibility (km; below 1 km it is fog in a ground layer)", (o, v) => o with { VisibilityKm = v }, o => Show(o.VisibilityKm)),
        new("--fog-layer-km", nameof(LinkOptions.FogLayerKm), "fog-layer thickness on slant paths (km)", (o, v) => o with { FogLayerKm = v }, o => Show(o.FogLayerKm)),
        new("--rain-mm-h", nameof(LinkOptions.RainRateMmPerHour), "rain rate (mm/h)", (o, v) => o with { RainRateMmPerHour = v }, o => Show(o.RainRateMmPerHour)),
        new("--rain-height-km", nameof(LinkOptions.RainHeightKm), "rain height above the ground terminal (km)", (o, v) => o with { RainHeightKm = v }, o => Show(o.RainHeightKm)),
        new("--boundary-layer-km", nameof(LinkOptions.BoundaryLayerKm), "effective aerosol layer thickness (km)", (o, v) => o with { BoundaryLayerKm = v }, o => Show(o.BoundaryLayerKm)),
        new("--scale-height-km", nameof(LinkOptions.AerosolScaleHeightKm), "aerosol scale height for --boundary-layer exponential (km)", (o, v) => o with { AerosolScaleHeightKm = v }, o => Show(o.AerosolScaleHeightKm)),
        new("--cn2", nameof(LinkOptions.HorizontalCn2), "Cn2 of a horizontal link (m^-2/3)", (o, v) => o with { HorizontalCn2 = v }, _ => "Hufnagel-Valley at the link altitude"),
        new("--hv-a", nameof(LinkOptions.GroundCn2), "Hufnagel-Valley ground term A for slant links (m^-2/3)", (o, v) => o with { GroundCn2 = v }, o => Show(o.GroundCn2)),
        new("--wind-ms", nameof(LinkOptions.WindSpeedMs), "Hufnagel-Valley rms wind speed (m/s)", (o, v) => o with { WindSpeedMs = v }, o => Show(o.WindSpeedMs)),
        new("--divergence-urad", nameof(LinkOptions.DivergenceUrad), "transmitter divergence half-angle (urad)", (o, v) => o with { DivergenceUrad = v }, o => Show(o.DivergenceUrad)),
        new("--aperture-m", nameof(LinkOptions.ApertureDiameterM), "receiver aperture diameter (m)", (o, v) => o with { ApertureDiameterM = v }, o => Show(o.ApertureDiameterM)),
        new("--jitter-urad", nameof(LinkOptions.JitterUrad), "HAP terminal angular jitter per axis (urad): beam jitter on downlinks, receiver tilt on uplinks", (o, v) => o with { JitterUrad = v }, o => Show(o.JitterUrad)),
        new("--fov-urad", nameof(LinkOptions.ReceiverFieldOfViewUrad), "receiver field of view, 1/e^2 half-angle (urad; the uplink's HAP receiver)", (o, v) => o with { ReceiverFieldOfViewUrad = v }, o => Show(o.ReceiverFieldOfViewUrad)),
        new("--optics-efficiency", nameof(LinkOptions.OpticsEfficiency), "receiver optics transmittance (0-1)", (o, v) => o with { OpticsEfficiency = v }, o => Show(o.OpticsEfficiency)),
        new("--detector-efficiency", nameof(LinkOptions.DetectorEfficiency), "detector efficiency (0-1)", (o, v) => o with { DetectorEfficiency = v }, o => Show(o.DetectorEfficiency)),
        new("--mu", nameof(QkdParameters.SignalMeanPhotonNumber), "signal mean photon number", (o, v) => o with { Qkd = o.Qkd with { SignalMeanPhotonNumber = v } }, o => Show(o.Qkd.SignalMeanPhotonNumber)),
        new("--nu", nameof(QkdParameters.DecoyMeanPhotonNumber), "weak decoy mean photon number", (o, v) => o with { Qkd = o.Qkd with { DecoyMeanPhotonNumber = v } }, o => Show(o.Qkd.DecoyMeanPhotonNumber)),
        new("--mu3", nameof(QkdParameters.VacuumDecoyMeanPhotonNumber), "vacuum-decoy mean photon number (finite key)", (o, v) => o with { Qkd = o.Qkd with { VacuumDecoyMeanPhotonNumber = v } }, o => Show(o.Qkd.VacuumDecoyMeanPhotonNumber)),
        new("--dark-count", nameof(QkdParameters.DarkCountProbability), "dark count probability per gate (0-1)", (o, v) => o with { Qkd = o.Qkd with { DarkCountProbability = v } }, o => Show(o.Qkd.DarkCountProbability)),
        new("--background", nameof(QkdParameters.BackgroundProbability), "background count probability per gate (0-1)", (o, v) => o with { Qkd = o.Qkd with { BackgroundProbability = v } }, o => Show(o.Qkd.BackgroundProbability)),
        new("--misalignment", nameof(QkdParameters.MisalignmentError), "misalignment error e_d (0-0.5)", (o, v) => o with { Qkd = o.Qkd with { MisalignmentError = v } }, o => Show(o.Qkd.MisalignmentError)),
        new("--f-ec", nameof(QkdParameters.ErrorCorrectionEfficiency), "error correction inefficiency f_EC (>= 1)", (o, v) => o with { Qkd = o.Qkd with { ErrorCorrectionEfficiency = v } }, o => Show(o.Qkd.ErrorCorrectionEfficiency)),
        new("--sifting", nameof(QkdParameters.SiftingFactor), "sifting factor q (0-1; asymptotic rate)", (o, v) => o with { Qkd = o.Qkd with { SiftingFactor = v } }, o => Show(o.Qkd.SiftingFactor)),
        new("--rep-rate-hz", nameof(QkdParameters.RepetitionRateHz), "pulse repetition rate (Hz)", (o, v) => o with { Qkd = o.Qkd with { RepetitionRateHz = v } }, o => Show(o.Qkd.RepetitionRateHz)),
        new("--block-pulses", nameof(FiniteKeyParameters.BlockPulses), "finite-key block: pulses N per block (Lim et al. 2014); sets the finite-key rate", (o, v) => o with { Qkd = o.Qkd with { FiniteKey = (o.Qkd.FiniteKey ?? new FiniteKeyParameters()) with { BlockPulses = v } } }, _ => "asymptotic (no finite block)"),
        new("--eps-sec", nameof(FiniteKeyParameters.SecrecyEpsilon), "finite-key secrecy parameter eps_sec", (o, v) => o with { Qkd = o.Qkd with { FiniteKey = (o.Qkd.FiniteKey ?? new FiniteKeyParameters()) with { SecrecyEpsilon = v } } }, _ => Show(new FiniteKeyParameters().SecrecyEpsilon)),
        new("--eps-cor", nameof(FiniteKeyParameters.CorrectnessEpsilon), "finite-key correctness parameter eps_cor", (o, v) => o with { Qkd = o.Qkd with { FiniteKey = (o.Qkd.FiniteKey ?? new FiniteKeyParameters()) with { CorrectnessEpsilon = v } } }, _ => Show(new FiniteKeyParameters().CorrectnessEpsilon)),
    ];

    /// <summary>Adds every option to a command.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        command.Options.Add(_turbulentSpreading);
        foreach (var choice in Choices)
        {
            command.Options.Add(choice.Option);
        }

        foreach (var number in Numbers)
        {
            command.Options.Add(number.Option);
        }
    }

    /// <summary>The base options with every option the user gave applied.</summary>
    public LinkOptions Apply(ParseResult parseResult, LinkOptions options)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        ArgumentNullException.ThrowIfNull(options);
        options = Choices.Aggregate(options, (current, choice) => choice.Apply(parseResult, current));
        if (parseResult.GetValue(_turbulentSpreading))
        {
            options = options with { TurbulentBeamSpreading = true };
        }

        return Numbers.Aggregate(options, (current, number) => number.Apply(parseResult, current));
    }

    /// <summary>The command-line option that sets a model property, or null.</summary>
    public string? OptionFor(string? property) => Numbers.FirstOrDefault(n => n.Property == property)?.Option.Name;
}
