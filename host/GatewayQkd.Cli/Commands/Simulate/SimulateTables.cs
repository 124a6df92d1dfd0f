using GatewayQkd.Simulation;
using GatewayQkd.Simulation.Sweeps;
using Spectre.Console;
using static GatewayQkd.Cli.Commands.Simulate.SimulateOptionSet;

namespace GatewayQkd.Cli.Commands.Simulate;

/// <summary>Readable tables of single runs and sweeps (Spectre.Console, rendered without colour to the command's writer).</summary>
internal static class SimulateTables
{
    public static void WriteRuns(TextWriter writer, IReadOnlyList<SweepPoint> points, IReadOnlyList<SimulationResult> runs)
    {
        var table = NewTable("scheme", "seeds", "T_sum mean (s)", "SR", "p50 (s)", "p90 (s)", "p99 (s)", "t_wait (s)", "key wait (s)", "T_tra (s)",
            "supplements", "HAP T_wait (s)", "generated", "consumed", "stored", "wasted");
        foreach (var point in points)
        {
            var mine = runs.Where(r => r.Scheme == point.Scheme).ToArray();
            table.AddRow(point.Scheme, point.Seeds.ToString(System.Globalization.CultureInfo.InvariantCulture), WithCi(point.MeanDelay), WithCi(point.SuccessRate),
                Format(point.P50Delay.Mean), Format(point.P90Delay.Mean), Format(point.P99Delay.Mean),
                Format(mine.Average(r => r.MeanSlotWait)), Format(mine.Average(r => r.MeanKeyWait)), Format(mine.Average(r => r.MeanTransmission)),
                Format(mine.Average(r => (double)r.SupplementRequests)), Format(mine.Average(r => r.MeanSupplementQueueWait)),
                Format(mine.Average(r => r.KeysGenerated)), Format(mine.Average(r => r.KeysConsumed)), Format(mine.Average(r => r.KeysStored)),
                Format(mine.Average(r => r.KeysWasted)));
        }

        Render(writer, table);
    }

    public static void WriteSweep(TextWriter writer, SweepSpec spec, IReadOnlyList<SweepPoint> points)
    {
        string x = SweepParameters.NameOf(spec.X);
        var columns = new List<string>();
        if (spec.Series is { } series)
        {
            columns.Add(SweepParameters.NameOf(series));
        }

        columns.AddRange([x, "scheme", "T_sum mean (s)", "SR", "p99 (s)", "wasted (bits)"]);
        var table = NewTable([.. columns]);
        foreach (var p in points)
        {
            var cells = new List<string>();
            if (spec.Series is not null)
            {
                cells.Add(Format(p.Series ?? double.NaN));
            }

            cells.AddRange([Format(p.X), p.Scheme, WithCi(p.MeanDelay), WithCi(p.SuccessRate), Format(p.P99Delay.Mean), Format(p.KeysWasted.Mean)]);
            table.AddRow([.. cells]);
        }

        Render(writer, table);
    }

    private static string WithCi(Estimate e) => e.HalfWidth > 0 ? $"{Format(e.Mean)} ± {Format(e.HalfWidth)}" : Format(e.Mean);

    private static Table NewTable(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (string c in columns)
        {
            table.AddColumn(new TableColumn(Markup.Escape(c)).RightAligned());
        }

        return table;
    }

    private static void Render(TextWriter writer, Table table)
    {
        var console = PlainConsole.For(writer);
        console.Write(table);
    }
}
