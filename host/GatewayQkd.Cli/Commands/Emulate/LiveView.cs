using System.Globalization;
using GatewayQkd.Emulation.Metrics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>The live view of a run (Spectre.Console): per gateway pool level, key rate, QBER, link share, requests; then the totals and the latest log lines.</summary>
internal static class LiveView
{
    /// <summary>The most gateway rows shown (a 100-gateway run shows the first ones and a count).</summary>
    public const int MaxRows = 16;

    public static IRenderable Render(string title, RunSnapshot? snapshot, long capacityBits, string[] recentLog)
    {
        if (snapshot is null)
        {
            return new Markup($"[grey]{Markup.Escape(title)}: starting...[/]");
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(title)}[/]  wall {snapshot.WallSeconds:0.0} s, emulated {snapshot.EmulatedSeconds:0.0} s");
        table.AddColumns("GN", "pool level", "key rate", "QBER", "HAP time", "delivered", "served", "waiting", "state");
        foreach (var g in snapshot.Gateways.Take(MaxRows))
        {
            var percent = capacityBits > 0 ? Math.Clamp(g.PoolBits * 100.0 / capacityBits, 0, 100) : 0;
            table.AddRow(
                g.GatewayId.ToString(CultureInfo.InvariantCulture),
                $"{Bar(percent)} {g.PoolBits,6} b",
                $"{FormatRate(g.KeyRateBitsPerSecond)}",
                double.IsNaN(g.Qber) ? "-" : (g.Qber * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %",
                (g.LinkShare * 100).ToString("0", CultureInfo.InvariantCulture) + " %",
                $"{g.DeliveredBits} b",
                g.RequestsServed.ToString(CultureInfo.InvariantCulture),
                g.RequestsWaiting.ToString(CultureInfo.InvariantCulture),
                g.Online ? "[green]up[/]" : "[red]down[/]");
        }

        if (snapshot.Gateways.Count > MaxRows)
        {
            table.Caption($"... and {snapshot.Gateways.Count - MaxRows} more gateways");
        }

        var counters = snapshot.Counters.ToDictionary(c => c.Key, c => c.Value);
        var totals = new Markup(
            $"keys generated [bold]{counters["key_bits_generated"]}[/] b, delivered [bold]{counters["key_bits_delivered"]}[/] b, issued [bold]{counters["key_bits_issued"]}[/] b, used [bold]{counters["key_bits_used"]}[/] b\n" +
            $"requests sent [bold]{counters["requests_sent"]}[/], served [bold]{counters["requests_served"]}[/], waiting answers {counters["requests_waiting"]}, refused {counters["requests_refused"]}; " +
            $"telemetry verified [bold green]{counters["telemetry_verified"]}[/] of {counters["telemetry_sent"]}, rejected {counters["telemetry_rejected"] + counters["telemetry_replayed"]}\n" +
            $"supplements {counters["supplements_received"]}, blocks resent {counters["blocks_resent"]}, frames rejected {counters["frames_rejected"]}, reconnects {counters["broker_reconnects"]}");
        var log = new Markup("[grey]" + Markup.Escape(string.Join('\n', recentLog.TakeLast(4))) + "[/]");
        return new Rows(table, totals, log);
    }

    private static string Bar(double percent)
    {
        var filled = (int)Math.Round(percent / 10);
        var color = percent < 25 ? "red" : percent < 60 ? "yellow" : "green";
        return $"[{color}]{new string('#', filled)}[/][grey]{new string('.', 10 - filled)}[/]";
    }

    private static string FormatRate(double bitsPerSecond) => bitsPerSecond >= 1000
        ? (bitsPerSecond / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " kb/s"
        : bitsPerSecond.ToString("0", CultureInfo.InvariantCulture) + " b/s";
}
