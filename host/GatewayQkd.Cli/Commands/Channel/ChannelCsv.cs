using GatewayQkd.Reporting;

namespace GatewayQkd.Cli.Commands.Channel;

/// <summary>A run as CSV: series, the swept value, every link field and, in network mode, every network field.</summary>
public static class ChannelCsv
{
    /// <summary>The run as a CSV table.</summary>
    public static CsvTable ToTable(ChannelRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var columns = new List<string> { "series" };
        if (run.XName is not null)
        {
            columns.Add(run.XName);
        }

        columns.AddRange(LinkFields.All.Select(f => f.Name));
        if (run.Network)
        {
            columns.AddRange(NetworkFields.All.Select(f => f.Name));
        }

        var table = new CsvTable([.. columns]);
        foreach (var row in run.Rows)
        {
            var values = new List<object?> { row.Series };
            if (run.XName is not null)
            {
                values.Add(row.X);
            }

            values.AddRange(LinkFields.All.Select(f => (object?)f.Value(row.Link)));
            if (run.Network && row.Network is { } network)
            {
                values.AddRange(NetworkFields.All.Select(f => (object?)f.Value(network)));
            }

            table.AddRow([.. values]);
        }

        return table;
    }
}
