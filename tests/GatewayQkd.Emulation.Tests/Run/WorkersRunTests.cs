using System.Diagnostics;
using GatewayQkd.Emulation.Bus;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Tests.Support;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>
/// Two central-server workers share a run's gateways through leases (embedded broker, SQLite for the store and the
/// leases): each gateway is served by exactly one worker, and a dead worker's gateways move to the survivor, which
/// continues their streams with no block stored twice and no key issued twice.
/// </summary>
public sealed class WorkersRunTests
{
    [Fact]
    public async Task Two_Workers_Split_The_Gateways_With_Each_Served_By_Exactly_One()
    {
        using var folder = new RunFolder();
        var options = folder.Options(gateways: 4, sensors: 1, seconds: 30) with { Workers = 2 };
        await using var run = await folder.StartAsync(options);
        using var stop = new CancellationTokenSource();
        var running = run.RunAsync(cancellationToken: stop.Token);

        var split = await Eventually.TrueAsync(() => run.Workers.All(w => w.Held.Count == 2), TimeSpan.FromSeconds(10));
        var verified = await Eventually.TrueAsync(() => run.Counters[RunCounter.TelemetryVerified] >= 8, TimeSpan.FromSeconds(30));
        // a worker serves a granted gateway from its next round on (0.5 s), after the handover's frames arrived
        var once = await Eventually.TrueAsync(() => run.Gateways.All(g => run.Workers.Count(w => w.Node.Streams.Serves(g.Id)) == 1), TimeSpan.FromSeconds(10));
        var served = run.Gateways.Select(g => run.Workers.Count(w => w.Node.Streams.Serves(g.Id))).ToList();
        await stop.CancelAsync();
        await running;

        Assert.True(split, $"the workers hold {string.Join(" and ", run.Workers.Select(w => w.Held.Count))} gateways");
        Assert.Empty(run.Workers[0].Held.Intersect(run.Workers[1].Held));
        Assert.True(once, $"gateways served by [{string.Join(", ", served)}] workers");
        Assert.All(served, count => Assert.Equal(1, count));
        Assert.True(verified, $"only {run.Counters[RunCounter.TelemetryVerified]} telemetry messages verified");
    }

    [Fact]
    public async Task A_Dead_Workers_Gateways_Are_Served_By_The_Survivor_Within_Seconds_And_No_Block_Or_Key_Goes_Out_Twice()
    {
        using var folder = new RunFolder();
        var options = folder.Options(gateways: 4, sensors: 1, seconds: 60) with { Workers = 2 };
        await using var run = await folder.StartAsync(options);
        using var stop = new CancellationTokenSource();
        var running = run.RunAsync(cancellationToken: stop.Token);
        Assert.True(await Eventually.TrueAsync(() => run.Workers.All(w => w.Held.Count == 2), TimeSpan.FromSeconds(10)));
        Assert.True(await Eventually.TrueAsync(() => run.Counters[RunCounter.KeyBitsDelivered] > 0, TimeSpan.FromSeconds(30)));
        var orphans = run.Workers[0].Held.ToList();
        // Replays refused before the kill come from the start-up handover (docs/deployment.md, "Known race"); the
        // takeover must add none.
        var replaysBefore = RefusedReplays.Total(run);

        var watch = Stopwatch.StartNew();
        await run.KillWorkerAsync(0);
        var moved = await Eventually.TrueAsync(() => orphans.All(run.Workers[1].Node.Streams.Serves), TimeSpan.FromSeconds(15));
        var takeover = watch.Elapsed;
        // the orphans' streams go on: the survivor's blocks pass the gateways' replay checks and their acks pass the survivor's
        var acknowledged = orphans.ToDictionary(id => id, id => run.Store.GetCounts(id, 0).AcknowledgedBlocks);
        var grew = await Eventually.TrueAsync(() => orphans.All(id => run.Store.GetCounts(id, 0).AcknowledgedBlocks >= acknowledged[id] + 4), TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        var report = await running;
        await BlockAccounts.SettleAsync(run, TimeSpan.FromSeconds(10));

        Assert.True(moved, $"the survivor serves {run.Workers[1].Held.Count} gateways after {takeover.TotalSeconds:0.0} s");
        Assert.True(takeover < TimeSpan.FromSeconds(10), $"takeover took {takeover.TotalSeconds:0.0} s");
        Assert.True(grew, "the dead worker's gateways acknowledged no more blocks after the takeover");
        // the survivor continued the dead worker's send counters (`grew`); a gateway may still refuse a frame of the dead
        // worker that was on its way (at most its bus's publishes in flight)
        Assert.InRange(RefusedReplays.Total(run) - replaysBefore, 0, MqttMessageBus.MaxInFlight);
        Assert.Empty(BlockAccounts.Mismatches(run));
        Assert.Equal(0, report.Counter(RunCounter.KeysIssuedTwice));
        Assert.Equal(0, run.Telemetry.Mismatches);
    }
}
