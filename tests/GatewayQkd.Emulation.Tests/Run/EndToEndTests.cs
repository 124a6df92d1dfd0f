using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Run;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>The whole system on the embedded broker: HAP, central server, gateways running the core, sensors.</summary>
public sealed class EndToEndTests
{
    [Fact]
    public async Task Telemetry_Decrypts_And_Matches_What_Sensors_Sent()
    {
        using var folder = new RunFolder();
        await using var run = await folder.StartAsync(folder.Options());

        var report = await run.RunAsync();

        Assert.True(report.Counter(RunCounter.TelemetryVerified) > 0, string.Join("\n", run.Log.Recent()));
        Assert.Equal(0, run.Telemetry.Mismatches);
        Assert.Equal(0, report.Counter(RunCounter.FramesRejected));
        Assert.Equal(report.Counter(RunCounter.TelemetrySent) - run.Telemetry.Outstanding, report.Counter(RunCounter.TelemetryVerified));
    }

    [Fact]
    public async Task Key_Ids_And_Bits_Agree_Between_Gateway_And_Central_Server()
    {
        using var folder = new RunFolder();
        await using var run = await folder.StartAsync(folder.Options(seconds: 3));
        var compared = 0;
        var differing = 0;
        run.KeyReceived += (_, e) =>
        {
            var (gateway, range, key) = (e.GatewayId, e.Range, e.Key);
            // Before the sensor uses it: the central store must hold the same bytes under the same id.
            var stored = run.Store.GetKey(gateway, range);
            Interlocked.Increment(ref compared);
            if (!stored.AsSpan().SequenceEqual(key))
            {
                Interlocked.Increment(ref differing);
            }
        };

        await run.RunAsync();

        Assert.True(compared > 0);
        Assert.Equal(0, differing);
    }

    [Fact]
    public async Task Writes_The_Report_Files_With_The_Run_Totals()
    {
        using var folder = new RunFolder();
        var options = folder.Options(seconds: 2);
        await using var run = await folder.StartAsync(options);
        var report = await run.RunAsync();

        var files = Emulation.Report.ReportWriter.Write(report, options.OutputFolder);

        Assert.All(files, f => Assert.True(new FileInfo(f).Length > 0, f));
        var summary = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(files[0]))!;
        Assert.Equal(report.Counter(RunCounter.TelemetryVerified), (long)summary["telemetry"]!["verified"]!);
        Assert.Equal(report.Counter(RunCounter.KeyBitsGenerated), (long)summary["keys"]!["generated_bits"]!);
        var lines = File.ReadAllLines(files[1]);
        var rows = lines.Where(l => !l.StartsWith('#')).ToArray();
        Assert.Equal(1 + (report.Samples.Count * options.Gateways), rows.Length);
        Assert.StartsWith("# gatewayqkd ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("# inputs: {", lines[1], StringComparison.Ordinal);
    }
}
