using System.Diagnostics;
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
    public async Task A_Worker_Handing_Gateways_Over_To_One_That_Joined_Gets_None_Of_Its_Frames_Refused_As_Replays()
    {
        // w1 serves every gateway and has sent them blocks before w2 joins; it hands half over only once its frames
        // to them left, so none arrives after the new owner's (higher counters) and is refused as stale
        using var folder = new RunFolder();
        var options = folder.Options(gateways: 8, sensors: 1, seconds: 30) with { Workers = 2 };
        await using var run = await folder.StartAsync(options);
        using var stop = new CancellationTokenSource();
        var running = run.RunAsync(cancellationToken: stop.Token);

        var split = await Eventually.TrueAsync(() => run.Workers.All(w => w.Held.Count == 4), TimeSpan.FromSeconds(10));
        var handedOver = run.Workers[1].Held.ToList();
        var acknowledged = handedOver.ToDictionary(id => id, id => run.Store.GetCounts(id, 0).AcknowledgedBlocks);
        var served = await Eventually.TrueAsync(() => handedOver.All(id => run.Store.GetCounts(id, 0).AcknowledgedBlocks >= acknowledged[id] + 2), TimeSpan.FromSeconds(30));
        await stop.CancelAsync();
        await running;

        Assert.True(split, $"the workers hold {string.Join(" and ", run.Workers.Select(w => w.Held.Count))} gateways");
        Assert.True(served, "not every handed-over gateway acknowledged blocks of its new owner");
        Assert.True(RefusedReplays.Stale(run) == 0, "stale frames: " + RefusedReplays.DescribeStale(run));
        Assert.Equal(0, RefusedReplays.Total(run));
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
        // the survivor continued the dead worker's send counters (`grew`), and the dead worker's last frames, stored by
        // the broker before it acknowledged them, all reached the gateways before the survivor's
        Assert.True(RefusedReplays.Stale(run) == 0, "stale frames: " + RefusedReplays.DescribeStale(run));
        Assert.Equal(0, RefusedReplays.Total(run));
        Assert.Empty(BlockAccounts.Mismatches(run));
        Assert.Equal(0, report.Counter(RunCounter.KeysIssuedTwice));
        Assert.Equal(0, run.Telemetry.Mismatches);
    }
}
