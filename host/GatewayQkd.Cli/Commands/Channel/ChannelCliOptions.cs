using System.CommandLine;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.Sweeps;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>All options of `channel` and their binding to a <see cref="ChannelCommandOptions"/>.</summary>
public sealed class ChannelCliOptions
{
    private readonly Option<int?> _nodes = new("--nodes") { Description = "number of ground nodes N sharing the HAP (network mode when > 1) [default: 1]" };
    private readonly Option<string?> _sharing = CliChoice.Create("--sharing", "how GNs share the HAP downlink [default: time-shared]", "time-shared", "passive-split");
    private readonly Option<string?> _layout = CliChoice.Create("--layout", "GN placement [default: same]", "same", "spread");
    private readonly Option<double?> _minDistance = new("--min-distance-km") { Description = "nearest GN for --layout spread (km) [default: 5]" };
    private readonly Option<double?> _maxDistance = new("--max-distance-km") { Description = "farthest GN for --layout spread (km) [default: 50]" };
    private readonly Option<double?> _csDistance = new("--cs-distance-km") { Description = "central server ground distance from the HAP nadir (km) [default: 0]" };
    private readonly Option<string?> _sweep = CliChoice.Create("--sweep", "swept variable [default: none, a single report]", "distance", "visibility", "rain", "turbulence", "jitter", "block-pulses", "nodes");
    private readonly Option<double?> _from = new("--from") { Description = "first sweep value [default: per variable: distance 0 (horizontal 0.2), visibility 1, rain 0, turbulence 1e-16, jitter 0, block-pulses 1e6, nodes 1]" };
    private readonly Option<double?> _to = new("--to") { Description = "last sweep value [default: per variable: distance 100 (horizontal 5), visibility 50, rain 50, turbulence 1e-12, jitter 20, block-pulses 1e12, nodes 32]" };
    private readonly Option<int?> _points = new("--points") { Description = "number of sweep points [default: 21; nodes 32]" };
    private readonly Option<bool> _log = new("--log") { Description = "space sweep points logarithmically [default: off; on for turbulence and block-pulses]" };
    private readonly Option<string?> _preset = new("--preset") { Description = "reproduce a figure: " + string.Join(", ", ChannelPresets.Names) + " [default: none]" };
    private readonly Option<int> _monteCarlo = new("--monte-carlo") { Description = "average fading with N Monte-Carlo samples per point instead of numerically [default: 0, numerical quadrature]" };
    private readonly Option<int> _seed = new("--seed") { Description = "Monte-Carlo seed [default: 1]", DefaultValueFactory = _ => 1 };
    private readonly Option<string?> _csv = new("--csv") { Description = "write the rows as CSV to this file" };
    private readonly Option<string?> _plot = new("--plot") { Description = "write PNG charts: key rate to this file, QBER to <name>-qber.png, outage probability to <name>-outage.png" };
    private readonly Option<bool> _json = new("--json") { Description = "print machine-readable JSON instead of the table" };
    private readonly Option<bool> _quiet = new("--quiet") { Description = "no progress output" };
    private readonly Option<bool> _fields = new("--fields") { Description = "list the output fields (name, unit, meaning) and exit" };

    /// <summary>Gets the link-physics options.</summary>
    public LinkCliOptions Link { get; } = new();

    /// <summary>Adds every option to a command.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Link.AddTo(command);
        Option[] options = [_nodes, _sharing, _layout, _minDistance, _maxDistance, _csDistance, _sweep, _from, _to, _points, _log, _preset, _monteCarlo, _seed, _csv, _plot, _json, _quiet, _fields];
        foreach (var option in options)
        {
            command.Options.Add(option);
        }
    }

    /// <summary>Binds the parse result: model defaults, then the preset's base, then whatever the user gave.</summary>
    public ChannelCommandOptions Bind(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        var preset = parseResult.GetValue(_preset);
        var start = new ChannelCommandOptions { Preset = preset };
        if (preset is not null && ChannelPresets.Names.Contains(preset))
        {
            start = ChannelPresets.Get(preset).Base(start);
        }

        var link = Link.Apply(parseResult, start.Link);
        var nodes = parseResult.GetValue(_nodes) ?? start.Network.NodeCount;
        var network = start.Network with
        {
            NodeCount = nodes,
            Downlink = link with { Kind = LinkKind.Downlink },
            Uplink = link with { Kind = LinkKind.Uplink, DistanceKm = parseResult.GetValue(_csDistance) ?? start.Network.Uplink.DistanceKm, ElevationDeg = null },
            Sharing = parseResult.GetValue(_sharing) switch
            {
                "time-shared" => SharingMode.TimeShared,
                "passive-split" => SharingMode.PassiveSplit,
                _ => start.Network.Sharing,
            },
            Layout = parseResult.GetValue(_layout) switch
            {
                "same" => GroundNodeLayout.SameDistance,
                "spread" => GroundNodeLayout.Spread,
                _ => start.Network.Layout,
            },
            MinDistanceKm = parseResult.GetValue(_minDistance) ?? start.Network.MinDistanceKm,
            MaxDistanceKm = parseResult.GetValue(_maxDistance) ?? start.Network.MaxDistanceKm,
        };
        var sweep = ParseSweep(parseResult.GetValue(_sweep));
        return start with
        {
            Link = link,
            Network = network,
            NetworkMode = start.NetworkMode || nodes != 1 || sweep == SweepVariable.Nodes,
            Sweep = sweep,
            Range = sweep is { } variable ? RangeFor(parseResult, variable, link.Kind) : null,
            MonteCarloSamples = parseResult.GetValue(_monteCarlo),
            Seed = parseResult.GetValue(_seed),
            CsvPath = parseResult.GetValue(_csv),
            PlotPath = parseResult.GetValue(_plot),
            Json = parseResult.GetValue(_json),
            Quiet = parseResult.GetValue(_quiet),
            ListFields = parseResult.GetValue(_fields),
        };
    }

    /// <summary>The command-line option that sets a model or run parameter, for error messages.</summary>
    public string OptionFor(string? parameter) => parameter switch
    {
        nameof(NetworkOptions.NodeCount) => _nodes.Name,
        nameof(NetworkOptions.MinDistanceKm) => _minDistance.Name,
        nameof(NetworkOptions.MaxDistanceKm) => _maxDistance.Name,
        _ => Link.OptionFor(parameter) ?? parameter ?? "channel",
    };

    private static SweepVariable? ParseSweep(string? name) => name switch
    {
        null => null,
        "distance" => SweepVariable.Distance,
        "visibility" => SweepVariable.Visibility,
        "rain" => SweepVariable.Rain,
        "turbulence" => SweepVariable.Turbulence,
        "jitter" => SweepVariable.Jitter,
        "block-pulses" => SweepVariable.BlockPulses,
        _ => SweepVariable.Nodes,
    };

    // Defaults per variable: distances suit the link kind; turbulence is log-spaced over weak..strong.
    private SweepRange RangeFor(ParseResult parseResult, SweepVariable variable, LinkKind kind)
    {
        var (from, to, log) = variable switch
        {
            SweepVariable.Distance => kind == LinkKind.Horizontal ? (0.2, 5.0, false) : (0.0, 100.0, false),
            SweepVariable.Visibility => (1.0, 50.0, false),
            SweepVariable.Rain => (0.0, 50.0, false),
            SweepVariable.Turbulence => (1e-16, 1e-12, true),
            SweepVariable.Jitter => (0.0, 20.0, false),
            SweepVariable.BlockPulses => (1e6, 1e12, true),
            _ => (1.0, 32.0, false),
        };
        return new SweepRange(
            parseResult.GetValue(_from) ?? from,
            parseResult.GetValue(_to) ?? to,
            parseResult.GetValue(_points) ?? (variable == SweepVariable.Nodes ? 32 : 21),
            log || parseResult.GetValue(_log));
    }
}
