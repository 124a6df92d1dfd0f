using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>The run on a clustered broker (3 NATS nodes) keeps delivering keys and verifying telemetry when a node dies.</summary>
public sealed class ClusterRunTests
{
    [Fact]
    public async Task Runs_End_To_End_On_A_Nats_Cluster_And_Survives_The_Loss_Of_One_Node()
    {
        await using var cluster = await NatsCluster.StartAsync();
        using var folder = new RunFolder();
        var options = folder.Options(gateways: 6, sensors: 2, seconds: 20) with { ExternalBroker = cluster.Endpoint };
        await using var run = await folder.StartAsync(options);
        var running = run.RunAsync();
        Assert.True(await Eventually.TrueAsync(() => run.Counters[RunCounter.TelemetryVerified] > 0));

        await cluster.KillAsync(1);
        var before = run.Counters[RunCounter.TelemetryVerified];
        // the clients of the dead node (client ids hash onto every node) reconnect to another one within the run
        var moved = await Eventually.TrueAsync(() => run.Gateways.Sum(g => g.Reconnects) > 0, TimeSpan.FromSeconds(30));
        var report = await running;

        Assert.True(moved, "no gateway reconnected after its node died");
        Assert.True(report.Counter(RunCounter.TelemetryVerified) > before, "no telemetry was verified after the node died");
        Assert.Equal(0, run.Telemetry.Mismatches);
        Assert.Equal(0, report.Counter(RunCounter.KeysIssuedTwice));
    }
}
