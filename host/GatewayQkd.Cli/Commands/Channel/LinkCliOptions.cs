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
    private readonly Option<string?> _kind = CliChoice.Create("--link", "link kind", "horizontal", "downlink", "uplink");
    private readonly Option<string?> _visibilityModel = CliChoice.Create("--visibility-model", "visibility model", "kim", "kruse");
    private readonly Option<string?> _boundaryLayer = CliChoice.Create("--boundary-layer", "aerosols on slant paths", "effective", "exponential", "whole-path");
    private readonly Option<string?> _wave = CliChoice.Create("--wave", "wave model", "plane", "spherical");
    private readonly Option<string?> _fading = CliChoice.Create("--fading", "fading distribution", "gamma-gamma", "log-normal", "none");
    private readonly Option<string?> _protocol = CliChoice.Create("--protocol", "decoy estimation", "infinite", "vacuum-weak");
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
        foreach (var option in new Option[] { _kind, _visibilityModel, _boundaryLayer, _wave, _fading, _protocol, _turbulentSpreading })
        {
            command.Options.Add(option);
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
        options = parseResult.GetValue(_kind) switch
        {
            "horizontal" => options with { Kind = LinkKind.Horizontal },
            "downlink" => options with { Kind = LinkKind.Downlink },
            "uplink" => options with { Kind = LinkKind.Uplink },
            _ => options,
        };
        options = parseResult.GetValue(_visibilityModel) switch
        {
            "kim" => options with { VisibilityModel = VisibilityModel.Kim },
            "kruse" => options with { VisibilityModel = VisibilityModel.Kruse },
            _ => options,
        };
        options = parseResult.GetValue(_boundaryLayer) switch
        {
            "effective" => options with { BoundaryLayer = BoundaryLayerModel.EffectiveLayer },
            "exponential" => options with { BoundaryLayer = BoundaryLayerModel.Exponential },
            "whole-path" => options with { BoundaryLayer = BoundaryLayerModel.WholePath },
            _ => options,
        };
        options = parseResult.GetValue(_wave) switch
        {
            "plane" => options with { Wave = WaveModel.Plane },
            "spherical" => options with { Wave = WaveModel.Spherical },
            _ => options,
        };
        options = parseResult.GetValue(_fading) switch
        {
            "gamma-gamma" => options with { Fading = FadingModel.GammaGamma },
            "log-normal" => options with { Fading = FadingModel.LogNormal },
            "none" => options with { Fading = FadingModel.None },
            _ => options,
        };
        options = parseResult.GetValue(_protocol) switch
        {
            "infinite" => options with { Qkd = options.Qkd with { Protocol = DecoyProtocol.InfiniteDecoy } },
            "vacuum-weak" => options with { Qkd = options.Qkd with { Protocol = DecoyProtocol.VacuumWeakDecoy } },
            _ => options,
        };
        if (parseResult.GetValue(_turbulentSpreading))
        {
            options = options with { TurbulentBeamSpreading = true };
        }

        return Numbers.Aggregate(options, (current, number) => number.Apply(parseResult, current));
    }

    /// <summary>The command-line option that sets a model property, or null.</summary>
    public string? OptionFor(string? property) => Numbers.FirstOrDefault(n => n.Property == property)?.Option.Name;
}
