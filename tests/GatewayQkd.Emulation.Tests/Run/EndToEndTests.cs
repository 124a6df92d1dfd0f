using GatewayQkd.Emulation.Links;
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
        var options = folder.Options();
        await using var run = await EmulationRun.StartAsync(options, new ConstantKeyRate(options.KeyRateBitsPerSecond));

        var report = await run.RunAsync();

        Assert.True(report.Counter(RunCounter.TelemetryVerified) > 0, string.Join("\n", run.Log.Recent()));
        Assert.Equal(0, run.Telemetry.Mismatches);
        Assert.Equal(0, report.Counter(RunCounter.FramesRejected));
        Assert.Equal(report.Counter(RunCounter.TelemetryVerified), report.Counter(RunCounter.TelemetrySent) - run.Telemetry.Outstanding);
    }
}
