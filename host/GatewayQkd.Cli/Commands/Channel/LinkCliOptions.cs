using System.CommandLine;
using GatewayQkd.Channel.Atmosphere;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Qkd;
using GatewayQkd.Channel.Turbulence;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>
/// The link-physics options of `channel`. None has a command-line default: an option that is not given keeps the model's
/// documented default (docs/channel-model.md) or the preset's value.
/// </summary>
public sealed class LinkCliOptions
{
    /// <summary>Gets the word-valued options.</summary>
    public IReadOnlyList<ChoiceOption> Choices { get; } =
    [
        new("--link", "link kind", ("horizontal", o => o with { Kind = LinkKind.Horizontal }), ("downlink", o => o with { Kind = LinkKind.Downlink }), ("uplink", o => o with { Kind = LinkKind.Uplink })),
        new("--visibility-model", "visibility model", ("kim", o => o with { VisibilityModel = VisibilityModel.Kim }), ("kruse", o => o with { VisibilityModel = VisibilityModel.Kruse })),
        new("--boundary-layer", "aerosols on slant paths",
            ("effective", o => o with { BoundaryLayer = BoundaryLayerModel.EffectiveLayer }),
            ("exponential", o => o with { BoundaryLayer = BoundaryLayerModel.Exponential }),
            ("whole-path", o => o with { BoundaryLayer = BoundaryLayerModel.WholePath })),
        new("--wave", "wave model", ("plane", o => o with { Wave = WaveModel.Plane }), ("spherical", o => o with { Wave = WaveModel.Spherical })),
        new("--fading", "fading distribution",
            ("gamma-gamma", o => o with { Fading = FadingModel.GammaGamma }),
            ("log-normal", o => o with { Fading = FadingModel.LogNormal }),
            ("none", o => o with { Fading = FadingModel.None })),
        new("--protocol", "decoy estimation",
            ("infinite", o => o with { Qkd = o.Qkd with { Protocol = DecoyProtocol.InfiniteDecoy } }),
            ("vacuum-weak", o => o with { Qkd = o.Qkd with { Protocol = DecoyProtocol.VacuumWeakDecoy } })),
    ];

    private readonly Option<bool> _turbulentSpreading = new("--turbulent-spreading") { Description = "add long-term turbulent beam spreading (horizontal links)" };

    /// <summary>Gets the numeric options.</summary>
    public IReadOnlyList<NumberOption> Numbers { get; } =
    [
        new("--distance-km", nameof(LinkOptions.DistanceKm), "horizontal path length, or GN ground distance from the HAP nadir (km)", (o, v) => o with { DistanceKm = v }),
        new("--elevation-deg", nameof(LinkOptions.ElevationDeg), "elevation at the ground end (deg); replaces --distance-km for slant links", (o, v) => o with { ElevationDeg = v }),
        new("--hap-altitude-km", nameof(LinkOptions.HapAltitudeKm), "HAP altitude (km)", (o, v) => o with { HapAltitudeKm = v }),
        new("--ground-altitude-km", nameof(LinkOptions.GroundAltitudeKm), "ground terminal / horizontal link altitude (km)", (o, v) => o with { GroundAltitudeKm = v }),
        new("--wavelength-nm", nameof(LinkOptions.WavelengthNm), "wavelength (nm)", (o, v) => o with { WavelengthNm = v }),
        new("--visibility-km", nameof(LinkOptions.VisibilityKm), "ground visibility (km)", (o, v) => o with { VisibilityKm = v }),
        new("--rain-mm-h", nameof(LinkOptions.RainRateMmPerHour), "rain rate (mm/h)", (o, v) => o with { RainRateMmPerHour = v }),
        new("--rain-height-km", nameof(LinkOptions.RainHeightKm), "rain height above the ground terminal (km)", (o, v) => o with { RainHeightKm = v }),
        new("--boundary-layer-km", nameof(LinkOptions.BoundaryLayerKm), "effective aerosol layer thickness (km)", (o, v) => o with { BoundaryLayerKm = v }),
        new("--scale-height-km", nameof(LinkOptions.AerosolScaleHeightKm), "aerosol scale height for --boundary-layer exponential (km)", (o, v) => o with { AerosolScaleHeightKm = v }),
        new("--cn2", nameof(LinkOptions.HorizontalCn2), "Cn2 of a horizontal link (m^-2/3)", (o, v) => o with { HorizontalCn2 = v }),
        new("--hv-a", nameof(LinkOptions.GroundCn2), "Hufnagel-Valley ground term A for slant links (m^-2/3)", (o, v) => o with { GroundCn2 = v }),
        new("--wind-ms", nameof(LinkOptions.WindSpeedMs), "Hufnagel-Valley rms wind speed (m/s)", (o, v) => o with { WindSpeedMs = v }),
        new("--divergence-urad", nameof(LinkOptions.DivergenceUrad), "transmitter divergence half-angle (urad)", (o, v) => o with { DivergenceUrad = v }),
        new("--aperture-m", nameof(LinkOptions.ApertureDiameterM), "receiver aperture diameter (m)", (o, v) => o with { ApertureDiameterM = v }),
        new("--jitter-urad", nameof(LinkOptions.JitterUrad), "angular pointing jitter, HAP vibration (urad)", (o, v) => o with { JitterUrad = v }),
        new("--optics-efficiency", nameof(LinkOptions.OpticsEfficiency), "receiver optics transmittance (0-1)", (o, v) => o with { OpticsEfficiency = v }),
        new("--detector-efficiency", nameof(LinkOptions.DetectorEfficiency), "detector efficiency (0-1)", (o, v) => o with { DetectorEfficiency = v }),
        new("--mu", nameof(QkdParameters.SignalMeanPhotonNumber), "signal mean photon number", (o, v) => o with { Qkd = o.Qkd with { SignalMeanPhotonNumber = v } }),
        new("--nu", nameof(QkdParameters.DecoyMeanPhotonNumber), "weak decoy mean photon number", (o, v) => o with { Qkd = o.Qkd with { DecoyMeanPhotonNumber = v } }),
        new("--dark-count", nameof(QkdParameters.DarkCountProbability), "dark count probability per gate (0-1)", (o, v) => o with { Qkd = o.Qkd with { DarkCountProbability = v } }),
        new("--background", nameof(QkdParameters.BackgroundProbability), "background count probability per gate (0-1)", (o, v) => o with { Qkd = o.Qkd with { BackgroundProbability = v } }),
        new("--misalignment", nameof(QkdParameters.MisalignmentError), "misalignment error e_d (0-0.5)", (o, v) => o with { Qkd = o.Qkd with { MisalignmentError = v } }),
        new("--f-ec", nameof(QkdParameters.ErrorCorrectionEfficiency), "error correction inefficiency f_EC (>= 1)", (o, v) => o with { Qkd = o.Qkd with { ErrorCorrectionEfficiency = v } }),
        new("--sifting", nameof(QkdParameters.SiftingFactor), "sifting factor q (0-1)", (o, v) => o with { Qkd = o.Qkd with { SiftingFactor = v } }),
        new("--rep-rate-hz", nameof(QkdParameters.RepetitionRateHz), "pulse repetition rate (Hz)", (o, v) => o with { Qkd = o.Qkd with { RepetitionRateHz = v } }),
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
