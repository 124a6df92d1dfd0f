using GatewayQkd.Reporting;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>
/// The three PNG charts of a sweep, each titled for what it shows, legend right of the data area, and points that cannot
/// be drawn (zero on a log axis) left as gaps and listed by <see cref="Gaps"/>: key rate (bits/s, log scale; the chosen
/// distillation's SKR with the ergodic PLOB bound, or per-GN and aggregate end-to-end SKR for networks), QBER
/// (fading-averaged overall and single-photon QBER) and outage probability Pr[R(h) &lt;= 0].
/// </summary>
public static class ChannelPlots
{
    /// <summary>Builds the key-rate chart.</summary>
    public static LineChart KeyRate(ChannelRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var chart = Chart(run, "Secret key rate", "secret key rate (bit/s)");
        chart.LogY = true;
        foreach (var label in run.SeriesLabels)
        {
            var rows = run.Rows.Where(r => r.Series == label).ToArray();
            var x = rows.Select(r => r.X).ToArray();
            if (run.Network)
            {
                chart.Add($"per-GN SKR, {label}", x, rows.Select(r => r.Network!.MeanKeyRatePerNodeBitsPerSecond).ToArray());
                chart.Add($"aggregate SKR, {label}", x, rows.Select(r => r.Network!.AggregateKeyRateBitsPerSecond).ToArray());
            }
            else
            {
                chart.Add($"SKR, {label}", x, rows.Select(r => r.Link.KeyRateBitsPerSecond).ToArray());
                chart.Add($"PLOB, {label}", x, rows.Select(r => r.Link.ErgodicPlobBitsPerSecond).ToArray());
            }
        }

        return chart;
    }

    /// <summary>Builds the QBER chart.</summary>
    public static LineChart Qber(ChannelRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var chart = Chart(run, "Average QBER", run.PlainQber ? "average QBER (plain mean over fading)" : "average QBER (count-weighted)");
        foreach (var label in run.SeriesLabels)
        {
            var rows = run.Rows.Where(r => r.Series == label).ToArray();
            var x = rows.Select(r => r.X).ToArray();
            chart.Add($"overall, {label}", x, rows.Select(r => Overall(run, r)).ToArray());
            chart.Add($"single-photon, {label}", x, rows.Select(r => SinglePhoton(run, r)).ToArray());
        }

        return chart;
    }

    /// <summary>Builds the outage-probability chart (GN 1's downlink in network runs).</summary>
    public static LineChart Outage(ChannelRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var chart = Chart(run, "Outage probability", "outage probability Pr[R(h) <= 0]");
        foreach (var label in run.SeriesLabels)
        {
            var rows = run.Rows.Where(r => r.Series == label).ToArray();
            chart.Add(label, rows.Select(r => r.X).ToArray(), rows.Select(r => r.Link.Averaged.OutageProbability).ToArray());
        }

        return chart;
    }

    /// <summary>The chart files of a run next to the key-rate chart's path, with their charts.</summary>
    public static IReadOnlyList<(string Path, LineChart Chart)> All(ChannelRun run, string keyRatePath) =>
    [
        (keyRatePath, KeyRate(run)),
        (SiblingPath(keyRatePath, "qber"), Qber(run)),
        (SiblingPath(keyRatePath, "outage"), Outage(run)),
    ];

    /// <summary>One line per series with points a chart cannot draw (drawn as gaps), or none.</summary>
    public static IReadOnlyList<string> Gaps(string path, LineChart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        return chart.UndrawablePoints()
            .GroupBy(p => p.Series)
            .Select(g => $"{path}: '{g.Key}' has {g.Count()} point(s) with no value to draw ({(chart.LogY ? "zero on the log axis" : "not finite")}), left as a gap at x = {string.Join(", ", g.Select(p => p.X.ToString("G4", System.Globalization.CultureInfo.InvariantCulture)))}")
            .ToArray();
    }

    /// <summary>The QBER chart's path next to the key-rate chart's: name-qber.png.</summary>
    public static string QberPath(string keyRatePath) => SiblingPath(keyRatePath, "qber");

    private static string SiblingPath(string keyRatePath, string suffix)
    {
        ArgumentNullException.ThrowIfNull(keyRatePath);
        var folder = Path.GetDirectoryName(keyRatePath) ?? string.Empty;
        return Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(keyRatePath)}-{suffix}.png");
    }

    private static LineChart Chart(ChannelRun run, string quantity, string yLabel)
    {
        var x = run.XLabel.Split(" (")[0];
        return new LineChart($"{quantity} vs {x} ({run.Subject})", run.XLabel, yLabel) { LegendOutside = true, BreakLinesAtGaps = true };
    }

    private static double Overall(ChannelRun run, ChannelRow row) =>
        run.Network ? row.Network!.MeanDownlinkQber : run.PlainQber ? row.Link.Averaged.PlainQber : row.Link.Averaged.Qber;

    private static double SinglePhoton(ChannelRun run, ChannelRow row) =>
        run.Network ? row.Network!.MeanDownlinkSinglePhotonQber : run.PlainQber ? row.Link.Averaged.PlainSinglePhotonQber : row.Link.Averaged.SinglePhotonQber;
}
