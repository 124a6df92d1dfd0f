using GatewayQkd.Channel.Link;
using GatewayQkd.Channel.Network;
using GatewayQkd.Channel.Sweeps;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>Evaluates a single report, a sweep or a preset into a <see cref="ChannelRun"/> (points in parallel), reporting progress per point.</summary>
public static class ChannelRunner
{
    /// <summary>Runs the options (already validated); progress gets (done, total) after each point.</summary>
    public static ChannelRun Run(ChannelCommandOptions options, Action<int, int>? progress)
    {
        ArgumentNullException.ThrowIfNull(options);
        var preset = options.Preset is null ? null : ChannelPresets.Get(options.Preset);
        var variable = preset?.Variable ?? options.Sweep;
        var range = preset?.Range ?? options.Range;
        var series = preset?.Series ?? [ChannelSeries.Unchanged(options.NetworkMode ? "network" : options.Link.Kind.ToString().ToLowerInvariant())];
        var values = variable is null || range is null ? [double.NaN] : ValuesOf(variable, range);
        var total = series.Count * values.Count;
        var points = series.SelectMany(curve => values.Select(x => (curve, x))).ToArray();
        var done = 0;
        var gate = new object();

        // Points are independent: evaluate them on every core, keep their order, report progress as each finishes.
        var rows = points.AsParallel().AsOrdered().Select(p =>
        {
            var row = Evaluate(options, p.curve, variable, p.x);
            lock (gate)
            {
                progress?.Invoke(++done, total);
            }

            return row;
        }).ToList();

        var subject = preset?.Subject ?? (options.NetworkMode ? $"HAP network, {options.Network.NodeCount} GNs" : $"{options.Link.Kind.ToString().ToLowerInvariant()} link");
        var title = preset is not null ? $"{preset.Name}: {preset.Description}" : variable is null ? "FSO QKD link report" : $"{variable.Label} sweep ({subject})";
        return new ChannelRun(title, variable?.FieldName, variable?.Label ?? string.Empty, rows, options.NetworkMode, preset?.PlainQber ?? false)
        {
            Subject = subject,
            Options = options,
        };
    }

    private static ChannelRow Evaluate(ChannelCommandOptions options, ChannelSeries curve, SweepVariable? variable, double x)
    {
        Func<LinkOptions, LinkReport> evaluate = options.MonteCarloSamples > 0
            ? link => LinkModel.EvaluateMonteCarlo(link, options.MonteCarloSamples, options.Seed)
            : LinkModel.Evaluate;
        if (options.NetworkMode)
        {
            var network = curve.Network(options.Network with { Downlink = curve.Link(options.Network.Downlink), Uplink = curve.Link(options.Network.Uplink) });
            if (variable is { } v)
            {
                network = v.Apply(network, x);
            }

            var report = NetworkModel.Evaluate(network, evaluate);
            return new ChannelRow(curve.Label, x, report.Nodes[0].Downlink, report);
        }

        var link = curve.Link(options.Link);
        if (variable is { } w)
        {
            link = w.Apply(link, x);
        }

        return new ChannelRow(curve.Label, x, evaluate(link), null);
    }

    private static IReadOnlyList<double> ValuesOf(SweepVariable variable, SweepRange range)
    {
        var values = range.Values();
        return variable == SweepVariable.Nodes ? values.Select(v => Math.Round(v)).Distinct().ToArray() : values;
    }
}
