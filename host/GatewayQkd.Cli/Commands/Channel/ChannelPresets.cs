using GatewayQkd.Channel.Atmosphere;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.Sweeps;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>
/// Presets that reproduce the slides' figures (hap-qkd-iot-slides: horizontal building-to-building link with weak, moderate
/// and strong turbulence), the slides' open goal (SKR and QBER vs the number of GNs), the named weather conditions on the
/// HAP downlink, and the finite-key rate against the block size. Options given on the command line override the preset's
/// base values. Turbulence levels: Cn2 = 1e-15, 1e-14, 1e-13 m^-2/3 (the usual weak/moderate/strong convention of FSO
/// papers) [modelling choice]; the horizontal presets use a 1 mrad terrestrial FSO beam. The QBER preset plots plain
/// averages Integral E(h) f(h) dh, the definition under which turbulence raises the average QBER as the slides show
/// (count-weighted averages are linear in h at low transmittance and barely move). Every preset also writes the outage chart.
/// </summary>
public static class ChannelPresets
{
    /// <summary>Gets every preset.</summary>
    public static IReadOnlyList<ChannelPreset> All { get; } =
    [
        new("slides-qber", "average QBER (single-photon and overall) vs distance, weak/moderate/strong turbulence (horizontal link)",
            "horizontal link, 1 mrad beam", SweepVariable.Distance, new SweepRange(0.2, 5, 25), TurbulenceSeries(), Horizontal, Network: false, PlainQber: true),
        new("slides-skr", "SKR vs distance, weak/moderate/strong turbulence (horizontal link), with the PLOB bound",
            "horizontal link, 1 mrad beam", SweepVariable.Distance, new SweepRange(0.2, 5, 25), TurbulenceSeries(), Horizontal, Network: false),
        new("gn-count", "per-GN and aggregate SKR and mean QBER vs the number of GNs (HAP at 20 km, GNs spread 5-50 km)",
            "HAP network, GNs spread 5-50 km", SweepVariable.Nodes, new SweepRange(1, 32, 32), SharingSeries(), SpreadNetwork, Network: true),
        new("weather", "SKR vs ground distance of a HAP downlink in each named weather (clear, haze, light/dense fog, light/heavy rain)",
            "HAP downlink, named weather", SweepVariable.Distance, new SweepRange(0, 100, 21), WeatherSeries(), d => d with { NetworkMode = false }, Network: false),
        new("block-size", "finite-key SKR (Lim et al. 2014) vs block size N of a HAP downlink at 10 and 50 km, beside the asymptotic rate",
            "HAP downlink, finite key", SweepVariable.BlockPulses, new SweepRange(1e6, 1e12, 25, Logarithmic: true), BlockSeries(), d => d with { NetworkMode = false }, Network: false),
    ];

    /// <summary>Gets the preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(p => p.Name).ToArray();

    /// <summary>The preset with this name (validated by <see cref="ChannelCliOptions.ThrowIfInvalid"/>).</summary>
    public static ChannelPreset Get(string name) => All.Single(p => p.Name == name);

    private static ChannelSeries[] TurbulenceSeries() =>
    [
        new("weak (Cn2=1e-15)", o => o with { HorizontalCn2 = 1e-15 }, n => n),
        new("moderate (Cn2=1e-14)", o => o with { HorizontalCn2 = 1e-14 }, n => n),
        new("strong (Cn2=1e-13)", o => o with { HorizontalCn2 = 1e-13 }, n => n),
    ];

    private static ChannelSeries[] SharingSeries() =>
    [
        new("time-shared", o => o, n => n with { Sharing = SharingMode.TimeShared }),
        new("passive split", o => o, n => n with { Sharing = SharingMode.PassiveSplit }),
    ];

    private static ChannelSeries[] WeatherSeries() => [.. WeatherPresets.All.Select(w => new ChannelSeries(w.Name, o => o.With(w), n => n))];

    private static ChannelSeries[] BlockSeries() =>
    [
        new("10 km", o => o with { DistanceKm = 10 }, n => n),
        new("50 km", o => o with { DistanceKm = 50 }, n => n),
    ];

    private static ChannelCommandOptions Horizontal(ChannelCommandOptions defaults) => defaults with
    {
        Link = defaults.Link with { Kind = LinkKind.Horizontal, DivergenceUrad = 1000 },
        NetworkMode = false,
    };

    private static ChannelCommandOptions SpreadNetwork(ChannelCommandOptions defaults) => defaults with
    {
        Network = defaults.Network with { Layout = GroundNodeLayout.Spread },
        NetworkMode = true,
    };
}

/// <summary>
/// A named figure (its subject titles the charts): the sweep, its curves, the base options it starts from, whether it is a network figure, and whether its
/// QBER chart shows plain averages (Integral E f) instead of count-weighted ones.
/// </summary>
public sealed record ChannelPreset(
    string Name,
    string Description,
    string Subject,
    SweepVariable Variable,
    SweepRange Range,
    IReadOnlyList<ChannelSeries> Series,
    Func<ChannelCommandOptions, ChannelCommandOptions> Base,
    bool Network,
    bool PlainQber = false);
