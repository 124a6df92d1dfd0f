using System.Globalization;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Report;
using Spectre.Console;

namespace GatewayQkd.Cli.Commands.Emulate;

/// <summary>Prints a run's end report on screen: key balance, telemetry, latency percentiles, and where the files are.</summary>
internal static class ReportPrinter
{
    public static void Print(IAnsiConsole console, EmulationReport report, IReadOnlyList<string> files)
    {
        var keys = new Table().Border(TableBorder.Simple).Title("[bold]key balance (bits)[/]").AddColumns("generated", "delivered", "issued", "used", "in pools", "lost", "issued unused", "wasted");
        keys.AddRow(
            N(report.Counter(RunCounter.KeyBitsGenerated)), N(report.Counter(RunCounter.KeyBitsDelivered)), N(report.Counter(RunCounter.KeyBitsIssued)),
            N(report.Counter(RunCounter.KeyBitsUsed)), N(report.KeyBitsInPools), N(report.KeyBitsLost), N(report.KeyBitsIssuedUnused), N(report.KeyBitsWasted));
        var latency = new Table().Border(TableBorder.Simple).Title("[bold]latency (wall-clock ms)[/]").AddColumns("", "count", "p50", "p90", "p99", "max");
        AddLatency(latency, "request -> key", report.RequestToKey);
        AddLatency(latency, "telemetry -> verified", report.TelemetryToVerified);
        console.Write(keys);
        console.Write(latency);
        console.MarkupLine(
            $"telemetry: [bold green]{report.Counter(RunCounter.TelemetryVerified)}[/] of {report.Counter(RunCounter.TelemetrySent)} decrypted and verified; " +
            $"replays refused {report.Counter(RunCounter.TelemetryReplayed)}, other rejections {report.Counter(RunCounter.TelemetryRejected)}");
        console.MarkupLine(
            $"requests: {report.Counter(RunCounter.RequestsSent)} sent, {report.Counter(RunCounter.RequestsServed)} served, {report.Counter(RunCounter.RequestsRefused)} refused; " +
            $"run {report.WallSeconds:0.0} s wall = {report.EmulatedSeconds:0.0} s emulated ({Markup.Escape(report.EndReason)})");
        if (report.IssuedBefore.Any())
        {
            console.MarkupLine($"keys issued before this run (earlier runs, a crashed one's included): {report.IssuedBefore.Count()} keys, {N(report.IssuedBefore.Sum(k => k.Bits))} bits; all runs: {report.IssuedKeys.Count} keys (issued-keys.csv).");
        }

        if (report.Partial)
        {
            console.MarkupLine($"[yellow]partial report[/]: the run {Markup.Escape(report.EndReason)} after {report.WallSeconds:0.0} s of {report.Options.Duration.TotalSeconds:0} s; its figures cover only that time.");
        }

        console.MarkupLine("report files:");
        foreach (var file in files)
        {
            console.MarkupLine("  " + Markup.Escape(file));
        }
    }

    private static void AddLatency(Table table, string name, LatencySummary s) =>
        table.AddRow(name, s.Count.ToString(CultureInfo.InvariantCulture), Ms(s.P50), Ms(s.P90), Ms(s.P99), Ms(s.Max));

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString("0.0", CultureInfo.InvariantCulture);

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
