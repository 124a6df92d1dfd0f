using System.CommandLine;
using GatewayQkd.Channel.Geometry;
using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.Sweeps;
using GatewayQkd.Cli.Commands.Options;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>
/// All options of `channel`, each declared once, their binding to a <see cref="ChannelCommandOptions"/> and the checks
/// that span several options. Link physics is checked by the model itself (in its own terms, e.g. DistanceKm); <see cref="Map"/>
/// names the option that sets each model property, so its errors read as "--distance-km: ...".
/// </summary>
public sealed class ChannelCliOptions
{
    /// <summary>The largest number of sweep points accepted.</summary>
    public const int MaxPoints = 100_000;

    private readonly Option<int?> _nodes;
    private readonly Option<string?> _sharing = CliOption.Choice("--sharing", "how GNs share the HAP downlink [default: time-shared]", "time-shared", "passive-split");
    private readonly Option<string?> _layout = CliOption.Choice("--layout", "GN placement [default: same]", "same", "spread");
    private readonly Option<double?> _minDistance;
    private readonly Option<double?> _maxDistance;
    private readonly Option<double?> _csDistance = CliOption.Described<double?>("--cs-distance-km", "central server ground distance from the HAP nadir (km) [default: 0]");
    private readonly Option<string?> _sweep = CliOption.Choice("--sweep", "swept variable [default: none, a single report]", [.. SweepVariable.All.Select(v => v.Name)]);
    private readonly Option<double?> _from = CliOption.Described<double?>("--from", $"first sweep value [default: per variable: {DefaultsText(r => r.From)}]");
    private readonly Option<double?> _to = CliOption.Described<double?>("--to", $"last sweep value [default: per variable: {DefaultsText(r => r.To)}]");
    private readonly Option<int?> _points = CliOption.Described<int?>("--points", $"number of sweep points [default: {SweepVariable.Distance.DefaultRange(LinkKind.Downlink).Points}; nodes {SweepVariable.Nodes.DefaultRange(LinkKind.Downlink).Points}]");
    private readonly Option<bool> _log = CliOption.Described<bool>("--log", $"space sweep points logarithmically [default: off; on for {string.Join(" and ", SweepVariable.All.Where(v => v.DefaultRange(LinkKind.Downlink).Logarithmic))}]");
    private readonly Option<string?> _preset = CliOption.Described<string?>("--preset", "reproduce a figure: " + string.Join(", ", ChannelPresets.Names) + " [default: none]");
    private readonly Option<int> _monteCarlo = CliOption.Described<int>("--monte-carlo", "average fading with N Monte-Carlo samples per point instead of numerically [default: 0, numerical quadrature]");
    private readonly Option<int> _seed = CliOption.Described("--seed", "Monte-Carlo seed [default: 1]", 1);
    private readonly Option<string?> _csv = CliOption.Described<string?>("--csv", "write the rows as CSV to this file");
    private readonly Option<string?> _plot = CliOption.Described<string?>("--plot", "write PNG charts: key rate to this file, QBER to <name>-qber.png, outage probability to <name>-outage.png");
    private readonly Option<bool> _json = CliOption.Described<bool>("--json", "print machine-readable JSON instead of the table");
    private readonly Option<bool> _quiet = CliOption.Described<bool>("--quiet", "no progress output");
    private readonly Option<bool> _fields = CliOption.Described<bool>("--fields", "list the output fields (name, unit, meaning) and exit");

    /// <summary>Creates the options and records which model property each sets.</summary>
    public ChannelCliOptions()
    {
        _nodes = Map.Sets(CliOption.Described<int?>("--nodes", "number of ground nodes N sharing the HAP (network mode when > 1) [default: 1]"), nameof(NetworkOptions.NodeCount));
        _minDistance = Map.Sets(CliOption.Described<double?>("--min-distance-km", "nearest GN for --layout spread (km) [default: 5]"), nameof(NetworkOptions.MinDistanceKm));
        _maxDistance = Map.Sets(CliOption.Described<double?>("--max-distance-km", "farthest GN for --layout spread (km) [default: 50]"), nameof(NetworkOptions.MaxDistanceKm));
    }

    /// <summary>Gets the link-physics options.</summary>
    public LinkCliOptions Link { get; } = new();

    /// <summary>Gets the map from model property to the option that sets it.</summary>
    public OptionMap Map { get; } = new();

    /// <summary>Adds every option to a command.</summary>
    public void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Link.AddTo(command, Map);
        CliOption.AddTo(command, _nodes, _sharing, _layout, _minDistance, _maxDistance, _csDistance, _sweep, _from, _to, _points, _log, _preset, _monteCarlo, _seed, _csv, _plot, _json, _quiet, _fields);
    }

    /// <summary>
    /// Binds the parse result (model defaults, then the preset's base, then whatever the user gave) and checks what
    /// spans several options; throws an <see cref="ArgumentException"/> whose ParamName is the option at fault.
    /// </summary>
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
        var sweep = SweepVariable.Find(parseResult.GetValue(_sweep));
        return start with
        {
            Link = link,
            Network = network,
            NetworkMode = start.NetworkMode || nodes != 1 || sweep == SweepVariable.Nodes,
            Sweep = sweep,
            Range = sweep is { } variable ? RangeFor(parseResult, variable.DefaultRange(link.Kind)) : null,
            MonteCarloSamples = parseResult.GetValue(_monteCarlo),
            Seed = parseResult.GetValue(_seed),
            CsvPath = parseResult.GetValue(_csv),
            PlotPath = parseResult.GetValue(_plot),
            Json = parseResult.GetValue(_json),
            Quiet = parseResult.GetValue(_quiet),
            ListFields = parseResult.GetValue(_fields),
        };
    }

    /// <summary>Throws if the run options are inconsistent, naming the option; link physics is checked by the model itself.</summary>
    public static void ThrowIfInvalid(ChannelCommandOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Preset is not null && options.Sweep is not null)
        {
            throw new ArgumentException("--preset and --sweep cannot be combined (a preset defines its own sweep).", "--preset");
        }

        if (options.PlotPath is not null && options.Sweep is null && options.Preset is null)
        {
            throw new ArgumentException("needs --sweep or --preset: a single-link report has no curve to draw.", "--plot");
        }

        if (options.Preset is not null && !ChannelPresets.Names.Contains(options.Preset))
        {
            throw new ArgumentException($"unknown preset '{options.Preset}' (known: {string.Join(", ", ChannelPresets.Names)}).", "--preset");
        }

        if (options.MonteCarloSamples is < 0 or 1)
        {
            throw new ArgumentOutOfRangeException("--monte-carlo", options.MonteCarloSamples, "must be 0 (numerical averages) or at least 2 samples.");
        }

        if (options.Range is { } range)
        {
            ThrowIfBadRange(range, options.Sweep);
        }

        if (options.NetworkMode)
        {
            options.Network.ThrowIfInvalid();
        }
        else
        {
            LinkOptionsValidator.ThrowIfInvalid(options.Link);
        }
    }

    private static void ThrowIfBadRange(SweepRange range, SweepVariable? variable)
    {
        if (range.Points is < 1 or > MaxPoints)
        {
            throw new ArgumentOutOfRangeException("--points", range.Points, $"must be in [1, {MaxPoints}] (got {range.Points}).");
        }

        if (range.Logarithmic && (range.From <= 0 || range.To <= 0))
        {
            throw new ArgumentOutOfRangeException("--from", range.From, "with --log, --from and --to must be greater than 0.");
        }

        if (range.From < 0 || range.To < 0 || !double.IsFinite(range.From) || !double.IsFinite(range.To))
        {
            throw new ArgumentOutOfRangeException("--from", range.From, "--from and --to must be finite and not negative.");
        }

        if (variable == SweepVariable.Nodes && range.From < 1)
        {
            throw new ArgumentOutOfRangeException("--from", range.From, "a node sweep needs --from >= 1 (values are rounded to whole nodes).");
        }
    }

    // The help text of --from and --to: each variable's default, with the horizontal-link default where it differs.
    private static string DefaultsText(Func<SweepRange, double> value) => string.Join(", ", SweepVariable.All.Select(v =>
    {
        var slant = value(v.DefaultRange(LinkKind.Downlink));
        var horizontal = value(v.DefaultRange(LinkKind.Horizontal));
        return FormattableString.Invariant($"{v.Name} {slant:G6}") + (horizontal == slant ? string.Empty : FormattableString.Invariant($" (horizontal {horizontal:G6})"));
    }));

    private SweepRange RangeFor(ParseResult parseResult, SweepRange defaults) => new(
        parseResult.GetValue(_from) ?? defaults.From,
        parseResult.GetValue(_to) ?? defaults.To,
        parseResult.GetValue(_points) ?? defaults.Points,
        defaults.Logarithmic || parseResult.GetValue(_log));
}
