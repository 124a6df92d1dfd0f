using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>The run survives its broker going away and coming back (embedded and Mosquitto).</summary>
public sealed class BrokerRestartTests
{
    [Fact]
    public async Task Survives_An_Embedded_Broker_Restart_Mid_Run()
    {
        using var folder = new RunFolder();
        await using var run = await folder.StartAsync(folder.Options(seconds: 7));
        var running = run.RunAsync();
        Assert.True(await Eventually.TrueAsync(() => run.Counters[RunCounter.TelemetryVerified] > 0));

        await run.EmbeddedBroker!.StopAsync();
        await Task.Delay(500);
        await run.EmbeddedBroker.RestartAsync();
        var before = run.Counters[RunCounter.TelemetryVerified];
        var report = await running;

        Assert.True(report.Counter(RunCounter.BrokerReconnects) > 0);
        Assert.True(report.Counter(RunCounter.TelemetryVerified) > before, "no telemetry was verified after the broker came back");
        Assert.Equal(0, report.Counter(RunCounter.KeysIssuedTwice));
    }

    [Fact]
    public async Task Runs_End_To_End_Through_Mosquitto_And_Survives_Its_Restart()
    {
        await using var mosquitto = await MosquittoProcess.StartAsync();
        using var folder = new RunFolder();
        var options = folder.Options(seconds: 7) with { ExternalBroker = mosquitto.Endpoint };
        await using var run = await folder.StartAsync(options);
        var running = run.RunAsync();
        Assert.True(await Eventually.TrueAsync(() => run.Counters[RunCounter.TelemetryVerified] > 0));

        await mosquitto.RestartAsync();
        var before = run.Counters[RunCounter.TelemetryVerified];
        var report = await running;

        Assert.True(report.Counter(RunCounter.BrokerReconnects) > 0);
        Assert.True(report.Counter(RunCounter.TelemetryVerified) > before, "no telemetry was verified after Mosquitto came back");
        Assert.Equal(0, run.Telemetry.Mismatches);
        Assert.Equal(0, report.Counter(RunCounter.KeysIssuedTwice));
    }
}
