using System.Globalization;
using Spectre.Console;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>The readable table of a run: every field for a single report, the headline fields for a sweep.</summary>
public static class ChannelTable
{
    private static readonly string[] SweepLinkColumns =
        ["mean_total_db", "rytov_variance", "avg_qber", "avg_single_photon_qber", "skr_bps", "ergodic_skr_bps", "ergodic_plob_bps", "plob_fraction", "outage_probability"];

    private static readonly string[] SweepNetworkColumns =
        ["uplink_skr_bps", "per_gn_skr_bps", "aggregate_skr_bps", "mean_gn_qber", "mean_gn_single_photon_qber"];

    /// <summary>Writes the run to a text writer (no colours, wide enough for the sweep columns).</summary>
    public static void Write(ChannelRun run, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(run);
        var console = PlainConsole.For(writer);
        console.WriteLine(run.Title);
        if (run.XName is null)
        {
            console.Write(SingleReport(run.Rows[0], run.Network));
            if (run.Rows[0].Network is { } network)
            {
                console.Write(Nodes(network));
            }
        }
        else
        {
            console.Write(Sweep(run));
        }
    }

    private static Table SingleReport(ChannelRow row, bool network)
    {
        var table = new Table().AddColumn("field").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit").AddColumn("meaning");
        foreach (var field in LinkFields.All)
        {
            table.AddRow(field.Name, Format(field.Value(row.Link)), field.Unit, Markup.Escape(field.Description));
        }

        if (network && row.Network is { } report)
        {
            foreach (var field in NetworkFields.All)
            {
                table.AddRow(field.Name, Format(field.Value(report)), field.Unit, Markup.Escape(field.Description));
            }
        }

        return table;
    }

    private static Table Nodes(GatewayQkd.Channel.Network.NetworkReport network)
    {
        var table = new Table().AddColumns("gn", "distance_km", "downlink_skr_bps", "uplink_share_bps", "end_to_end_skr_bps", "avg_qber", "avg_single_photon_qber");
        foreach (var node in network.Nodes)
        {
            table.AddRow(
                (node.Node + 1).ToString(CultureInfo.InvariantCulture), Format(node.DistanceKm), Format(node.DownlinkKeyRateBitsPerSecond),
                Format(node.UplinkShareBitsPerSecond), Format(node.EndToEndKeyRateBitsPerSecond), Format(node.Downlink.Averaged.Qber),
                Format(node.Downlink.Averaged.SinglePhotonQber));
        }

        return table;
    }

    private static Table Sweep(ChannelRun run)
    {
        var linkColumns = LinkFields.All.Where(f => SweepLinkColumns.Contains(f.Name)).ToArray();
        var networkColumns = run.Network ? NetworkFields.All.Where(f => SweepNetworkColumns.Contains(f.Name)).ToArray() : [];
        var table = new Table().AddColumn("series").AddColumn(run.XName!);
        foreach (var name in linkColumns.Select(f => f.Name).Concat(networkColumns.Select(f => f.Name)))
        {
            table.AddColumn(new TableColumn(name).RightAligned());
        }

        foreach (var row in run.Rows)
        {
            var cells = new List<string> { Markup.Escape(row.Series), Format(row.X) };
            cells.AddRange(linkColumns.Select(f => Format(f.Value(row.Link))));
            if (row.Network is { } network)
            {
                cells.AddRange(networkColumns.Select(f => Format(f.Value(network))));
            }

            table.AddRow([.. cells]);
        }

        return table;
    }

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
