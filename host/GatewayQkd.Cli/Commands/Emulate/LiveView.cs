using System.Globalization;
using GatewayQkd.Emulation.Metrics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>
/// The live view of a run (Spectre.Console): one row per gateway, a legend of the columns shown, the totals and the
/// latest log lines, laid out for the console's size: columns are dropped by priority until the table fits the width
/// and gateway rows until the view fits the height, so no row ever wraps (80x24 shows every gateway of the demo).
/// </summary>
public static class LiveView
{
    /// <summary>The most gateway rows shown (a 100-gateway run shows the first ones and a count).</summary>
    public const int MaxRows = 16;

    // Title, the table's 4 border/header lines, the "more" line, legend (2), totals (3), log (4).
    private const int FixedLines = 15;

    // In order of priority: the first columns stay longest when the console is narrow.
    private static readonly Column[] Columns =
    [
        new("GN", "gateway id", (g, _) => g.GatewayId.ToString(CultureInfo.InvariantCulture)),
        new("pool", "key bits in the pool", (g, c) => $"{Bar(g.PoolBits, c)} {g.PoolBits}"),
        new("SKR b/s", "channel secret key rate (k=1000)", (g, _) => Rate(g.KeyRateBitsPerSecond)),
        new("dlvd b/s", "key rate delivered to GN", (g, _) => Rate(g.DeliveredBitsPerSecond)),
        new("queue", "requests queued at GN", (g, _) => g.RequestsWaiting.ToString(CultureInfo.InvariantCulture)),
        new("HAP", "share of HAP link time", (g, _) => (g.LinkShare * 100).ToString("0", CultureInfo.InvariantCulture) + "%"),
        new("state", "up/down", (g, _) => g.Online ? "[green]up[/]" : "[red]down[/]"),
        new("served", "requests served", (g, _) => g.RequestsServed.ToString(CultureInfo.InvariantCulture)),
        new("QBER", "quantum bit error rate", (g, _) => double.IsNaN(g.Qber) ? "-" : (g.Qber * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%"),
        new("delivered", "key bits delivered", (g, _) => g.DeliveredBits.ToString(CultureInfo.InvariantCulture)),
    ];

    /// <summary>Renders the view of <paramref name="snapshot"/> for a console of <paramref name="width"/> x <paramref name="height"/> characters.</summary>
    public static IRenderable Render(string title, RunSnapshot? snapshot, long capacityBits, string[] recentLog, int width = 80, int height = 24)
    {
        ArgumentNullException.ThrowIfNull(recentLog);
        width = Math.Max(40, width);
        if (snapshot is null)
        {
            return new Markup($"[grey]{Markup.Escape(Cut(title + ": starting...", width))}[/]");
        }

        var rows = snapshot.Gateways.Take(Math.Clamp(height - FixedLines, 1, MaxRows)).ToArray();
        var cells = Columns.Select(c => rows.Select(g => c.Cell(g, capacityBits)).ToArray()).ToArray();
        var shown = Fit(cells, width);
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var i in shown)
        {
            table.AddColumn(new TableColumn(Columns[i].Header).NoWrap());
        }

        for (var r = 0; r < rows.Length; r++)
        {
            table.AddRow([.. shown.Select(i => cells[i][r])]);
        }

        var lines = new List<IRenderable>
        {
            new Markup($"[bold]{Markup.Escape(Cut(title, width / 2))}[/] " +
                Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"wall {snapshot.WallSeconds:0.0} s, emulated {snapshot.EmulatedSeconds:0.0} s"))),
            table,
        };
        if (snapshot.Gateways.Count > rows.Length)
        {
            lines.Add(new Markup($"[grey]... and {snapshot.Gateways.Count - rows.Length} more gateways[/]"));
        }

        var legend = shown.Where(i => i > 0 && Columns[i].Header != "state").Select(i => $"{Columns[i].Header}: {Columns[i].Meaning}");
        lines.Add(new Markup("[grey]" + Markup.Escape(string.Join('\n', Pack(legend, "; ", width).Take(2))) + "[/]"));
        var c = snapshot.Counters.ToDictionary(p => p.Key, p => p.Value);
        string[] totals =
        [
            $"key bits generated {c["key_bits_generated"]}", $"delivered {c["key_bits_delivered"]}", $"issued {c["key_bits_issued"]}", $"used {c["key_bits_used"]}",
            $"requests sent {c["requests_sent"]}", $"served {c["requests_served"]}", $"unanswered {c["requests_waiting"]}", $"refused {c["requests_refused"]}",
            $"telemetry verified {c["telemetry_verified"]} of {c["telemetry_sent"]}", $"rejected {c["telemetry_rejected"] + c["telemetry_replayed"]}",
            $"supplements {c["supplements_received"]}", $"blocks resent {c["blocks_resent"]}", $"frames rejected {c["frames_rejected"]}", $"reconnects {c["broker_reconnects"]}",
        ];
        lines.Add(new Markup(Markup.Escape(string.Join('\n', Pack(totals, ", ", width).Take(3)))));
        lines.Add(new Markup("[grey]" + Markup.Escape(string.Join('\n', recentLog.TakeLast(4).Select(l => Cut(l, width)))) + "[/]"));
        return new Rows(lines);
    }

    // The columns, by priority, whose widest cell (or header) fits: a rounded table takes 3 characters per column plus 1.
    private static int[] Fit(string[][] cells, int width)
    {
        var shown = new List<int>();
        var used = 1;
        for (var i = 0; i < Columns.Length; i++)
        {
            var cellWidth = cells[i].Select(t => Markup.Remove(t).Length).Append(Columns[i].Header.Length).Max();
            if (used + cellWidth + 3 <= width)
            {
                shown.Add(i);
                used += cellWidth + 3;
            }
        }

        return [.. shown];
    }

    // Greedy line filling: items joined by the separator, a new line when the next item would pass the width.
    private static IEnumerable<string> Pack(IEnumerable<string> items, string separator, int width)
    {
        var line = string.Empty;
        foreach (var item in items.Select(i => Cut(i, width)))
        {
            if (line.Length > 0 && line.Length + separator.Length + item.Length > width)
            {
                yield return line;
                line = item;
            }
            else
            {
                line = line.Length == 0 ? item : line + separator + item;
            }
        }

        if (line.Length > 0)
        {
            yield return line;
        }
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 3)] + "...";

    private static string Bar(long bits, long capacityBits)
    {
        var percent = capacityBits > 0 ? Math.Clamp(bits * 100.0 / capacityBits, 0, 100) : 0;
        var filled = (int)Math.Round(percent / 20);
        var color = percent < 25 ? "red" : percent < 60 ? "yellow" : "green";
        return $"[{color}]{new string('#', filled)}[/][grey]{new string('.', 5 - filled)}[/]";
    }

    private static string Rate(double bitsPerSecond) => bitsPerSecond >= 1000
        ? (bitsPerSecond / 1000).ToString("0.0", CultureInfo.InvariantCulture) + "k"
        : bitsPerSecond.ToString("0", CultureInfo.InvariantCulture);

    private sealed record Column(string Header, string Meaning, Func<GatewaySample, long, string> Cell);
}
