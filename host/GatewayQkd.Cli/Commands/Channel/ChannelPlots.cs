using GatewayQkd.Reporting;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>
/// The two PNG charts of a sweep: key rate (bits/s, log scale; ergodic SKR with its ergodic PLOB bound, or per-GN and
/// aggregate end-to-end SKR for networks) and QBER (fading-averaged overall and single-photon QBER).
/// </summary>
public static class ChannelPlots
{
    /// <summary>Builds the key-rate chart.</summary>
    public static LineChart KeyRate(ChannelRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var chart = new LineChart(run.Title, run.XLabel, "secret key rate (bit/s)") { LogY = true };
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
                chart.Add($"SKR, {label}", x, rows.Select(r => r.Link.ErgodicKeyRateBitsPerSecond).ToArray());
                chart.Add($"PLOB, {label}", x, rows.Select(r => r.Link.ErgodicPlobBitsPerSecond).ToArray());
            }
        }

        return chart;
    }

    /// <summary>Builds the QBER chart.</summary>
    public static LineChart Qber(ChannelRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var chart = new LineChart(run.Title, run.XLabel, run.PlainQber ? "average QBER (plain mean over fading)" : "average QBER (count-weighted)");
        foreach (var label in run.SeriesLabels)
        {
            var rows = run.Rows.Where(r => r.Series == label).ToArray();
            var x = rows.Select(r => r.X).ToArray();
            chart.Add($"overall, {label}", x, rows.Select(r => Overall(run, r)).ToArray());
            chart.Add($"single-photon, {label}", x, rows.Select(r => SinglePhoton(run, r)).ToArray());
        }

        return chart;
    }

    private static double Overall(ChannelRun run, ChannelRow row) =>
        run.Network ? row.Network!.MeanDownlinkQber : run.PlainQber ? row.Link.Averaged.PlainQber : row.Link.Averaged.Qber;

    private static double SinglePhoton(ChannelRun run, ChannelRow row) =>
        run.Network ? row.Network!.MeanDownlinkSinglePhotonQber : run.PlainQber ? row.Link.Averaged.PlainSinglePhotonQber : row.Link.Averaged.SinglePhotonQber;

    /// <summary>The QBER chart's path next to the key-rate chart's: name-qber.png.</summary>
    public static string QberPath(string keyRatePath)
    {
        ArgumentNullException.ThrowIfNull(keyRatePath);
        var folder = Path.GetDirectoryName(keyRatePath) ?? string.Empty;
        return Path.Combine(folder, Path.GetFileNameWithoutExtension(keyRatePath) + "-qber.png");
    }
}
