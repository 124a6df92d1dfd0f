using System.Diagnostics;
using System.Globalization;
using GatewayQkd.Emulation.Broker;
using GatewayQkd.Emulation.Metrics;
using GatewayQkd.Emulation.Tests.Support;
using GatewayQkd.Kms.Cluster;
using GatewayQkd.Kms.Postgres;
using Xunit.Abstractions;

namespace GatewayQkd.Emulation.Tests.Run;

/// <summary>
/// The scale-out integration test of issue 17 (docs/deployment.md): 3 NATS nodes, PostgreSQL for the central key store
/// and the workers' leases and link counters, 2 central-server workers and 100 gateways with one sensor each; one broker node and one worker are
/// killed mid-run. Afterwards no key was issued twice, every block is accounted for, telemetry is verified for every
/// gateway after each kill, and the recovery times are printed. Runs alone (its own collection), so its load does not
/// slow the other tests, nor theirs its recovery times.
/// </summary>
[Collection(ScaleOutCollection.Name)]
public sealed class ScaleOutRunTests(ITestOutputHelper output)
{
    private const int GatewayCount = 100;
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(60);

    // NATS's MQTT ack wait: the default, which NatsCluster does not change (mqttDefaultAckWait)
    private static readonly TimeSpan NatsAckWait = TimeSpan.FromSeconds(30);

    // a message may have gone out a few seconds before the kill, and NATS's redelivery timer runs late on a loaded machine
    private static readonly TimeSpan AckWaitSlack = TimeSpan.FromSeconds(12);

    [Fact]
    public async Task Hundred_Gateways_On_Three_Nats_Nodes_And_Two_Workers_Survive_A_Node_And_A_Worker_Dying()
    {
        var watch = Stopwatch.StartNew();
        await using var cluster = await NatsCluster.StartAsync();
        await using var postgres = await PostgresProcess.StartAsync();
        using var folder = new RunFolder();
        // the test stops the run itself once the last phase is over; the duration only bounds it, and must outlast the
        // phases' waits on a loaded machine (up to 4 x RecoveryLimit plus the ack-wait settle), which 150 s did not
        var options = folder.Options(gateways: GatewayCount, sensors: 1, seconds: 600) with
        {
            ExternalBroker = cluster.Endpoint,
            Workers = 2,
            WorkerDatabase = DatabaseEngine.Postgres(postgres.ConnectionString()),
            KeyStoreDatabase = DatabaseEngine.Postgres(postgres.ConnectionString()), // the central key store too, as workers on several machines share it
            Speed = 1,
            RequestMeanIntervalSeconds = 5, // 20 key requests/s over the 100 sensors: what this shared 2-core machine carries
            HapTerminals = GatewayCount, // one terminal per gateway, so the key supply never limits (as `bench emulation`)
            BlockBytes = 128, // 8 blocks fill an 8 Kibit pool: the HAP's durable appends do not hold up the first keys
            PoolCapacityBits = 8192,
        };
        Print($"engines up after {watch.Elapsed.TotalSeconds:0.0} s");
        using var log = new StringWriter();
        await using var run = await folder.StartAsync(options, TextWriter.Synchronized(log));
        Print($"{GatewayCount} gateways and their sensors connected after {watch.Elapsed.TotalSeconds:0.0} s");
        using var stop = new CancellationTokenSource();
        var running = run.RunAsync(cancellationToken: stop.Token);

        var allServed = await ServedAgainAsync(run, "start");
        Assert.True(run.Workers.All(w => w.Held.Count == GatewayCount / 2), $"the workers hold {string.Join(" and ", run.Workers.Select(w => w.Held.Count))} gateways");

        var staleAtStart = RefusedReplays.Stale(run);
        var nodeKilled = Stopwatch.GetTimestamp();
        await cluster.KillAsync(1);
        var nodeRecovered = await ServedAgainAsync(run, "broker node 2 killed");
        // NATS redelivers what a consumer sent over the dead node's connections and never got a PUBACK for only after
        // its ack wait (30 s, nats-io/nats-server v2.9.10 server/mqtt.go:123-127; no resend when the session resumes),
        // so frames the gateways never received then arrive after newer ones (stale): let that pass before the next kill
        var settle = NatsAckWait + AckWaitSlack - Stopwatch.GetElapsedTime(nodeKilled);
        if (settle > TimeSpan.Zero)
        {
            await Task.Delay(settle);
        }

        var orphans = run.Workers[0].Held.ToList();
        var staleBefore = RefusedReplays.Stale(run);
        var staleAfterNodeKill = RefusedReplays.StaleTimes(run).Select(t => Stopwatch.GetElapsedTime(nodeKilled, t)).ToList();
        PrintReplays(run, "before the worker kill");
        Print(staleAfterNodeKill.Count == 0
            ? "no stale frame after the node kill"
            : string.Create(CultureInfo.InvariantCulture, $"stale frames after the node kill arrived {staleAfterNodeKill[0].TotalSeconds:0.0} to {staleAfterNodeKill[^1].TotalSeconds:0.0} s after it"));
        var kill = Stopwatch.StartNew();
        await run.KillWorkerAsync(0);
        var takenOver = await Eventually.TrueAsync(() => orphans.All(run.Workers[1].Node.Streams.Serves), RecoveryLimit);
        Print($"worker w1 killed: the survivor holds its {orphans.Count} gateways after {kill.Elapsed.TotalSeconds:0.0} s");
        var firstBlocks = await FirstAsync(orphans, id => run.Store.GetCounts(id, 0).AcknowledgedBlocks);
        Print($"worker w1 killed: its gateways acknowledged a block of the survivor after {Spread(firstBlocks)}");
        var workerRecovered = await ServedAgainAsync(run, "worker w1 killed");

        await stop.CancelAsync();
        var report = await running;
        await BlockAccounts.SettleAsync(run, TimeSpan.FromSeconds(20));
        var unacknowledged = BlockAccounts.Unacknowledged(run);
        Print($"settled: {run.Store.GetAllCounts().Sum(c => c.Blocks)} blocks, {unacknowledged} unacknowledged; " +
              $"{report.Counter(RunCounter.TelemetryVerified)} telemetry verified, {run.Telemetry.Outstanding} not (sent while its gateway had no worker or node); total {watch.Elapsed.TotalSeconds:0} s");
        foreach (var line in log.ToString().Split('\n').Where(l => l.Contains(" error ", StringComparison.Ordinal)).Take(10))
        {
            Print("logged: " + line);
        }

        Assert.True(allServed, "not every gateway's telemetry was verified after the start");
        Assert.True(nodeRecovered, "not every gateway's telemetry was verified again after the node died");
        Assert.True(takenOver, "the survivor did not take the dead worker's gateways over");
        Assert.True(workerRecovered, "not every gateway's telemetry was verified again after the worker died");
        Assert.Equal(0, report.Counter(RunCounter.KeysIssuedTwice));
        Assert.Equal(0, run.Telemetry.Mismatches);
        Assert.Empty(BlockAccounts.Mismatches(run));
        // The survivor continued the dead worker's send counters: every orphan acknowledged one of its blocks (a survivor
        // that started its counters again would be refused on every frame). No gateway refused a frame it had never
        // accepted (a stale frame: an old owner's arriving after a new owner's), neither at the start-up handover nor
        // at the takeover; every frame refused as a replay was a redelivered copy of one it had accepted (MQTT QoS 1 is
        // at-least-once: NATS redelivers what a consumer did not acknowledge within its ack wait, and a client sends
        // again what its node did not acknowledge before it died), acted on once.
        Assert.Equal(orphans.Count, firstBlocks.Count);
        PrintReplays(run, "at the end");
        Assert.Equal(RefusedReplays.Total(run), RefusedReplays.Redelivered(run) + RefusedReplays.Stale(run)); // the audit saw every refusal
        Assert.True(staleAtStart == 0, "stale frames at the start-up handover: " + RefusedReplays.DescribeStale(run));
        // after the node kill only NATS's late redeliveries (its ack wait) are stale, none from the clients' failover
        Assert.All(staleAfterNodeKill, after => Assert.InRange(after, NatsAckWait - AckWaitSlack, NatsAckWait + AckWaitSlack));
        Assert.True(RefusedReplays.Stale(run) == staleBefore, "stale frames after the worker kill: " + RefusedReplays.DescribeStale(run));
    }

    private void PrintReplays(Emulation.Run.EmulationRun run, string when) =>
        Print($"frames refused as replays {when}: {RefusedReplays.Total(run)} " +
              $"({RefusedReplays.Redelivered(run)} redelivered copies of accepted frames, {RefusedReplays.Stale(run)} stale: {RefusedReplays.DescribeStale(run)})");

    // Waits until every gateway has telemetry verified after now (its sensor got a key and the central server checked it
    // through some worker and node) and prints how long that took: for the median and the last gateway (a sensor asks
    // for a key every 5 s on average, so even an instant recovery shows a few seconds here).
    private async Task<bool> ServedAgainAsync(Emulation.Run.EmulationRun run, string after)
    {
        var times = await FirstAsync([.. run.Gateways.Select(g => g.Id)], run.Telemetry.VerifiedFor);
        Print(times.Count == run.Gateways.Count
            ? $"{after}: every gateway served again (telemetry verified) after {Spread(times)}"
            : $"{after}: {run.Gateways.Count - times.Count} gateways not served again within {RecoveryLimit.TotalSeconds:0} s");
        return times.Count == run.Gateways.Count;
    }

    // For each gateway, how long until value(gateway) first rises above its value now (polled every 250 ms, at most RecoveryLimit).
    private static async Task<List<TimeSpan>> FirstAsync(IReadOnlyList<ushort> gateways, Func<ushort, long> value)
    {
        var since = Stopwatch.StartNew();
        var before = gateways.ToDictionary(id => id, value);
        var first = new Dictionary<ushort, TimeSpan>();
        while (first.Count < gateways.Count && since.Elapsed < RecoveryLimit)
        {
            foreach (var id in gateways.Where(id => !first.ContainsKey(id) && value(id) > before[id]))
            {
                first[id] = since.Elapsed;
            }

            await Task.Delay(250);
        }

        return [.. first.Values.Order()];
    }

    private static string Spread(List<TimeSpan> times) => times.Count == 0
        ? "never"
        : string.Create(CultureInfo.InvariantCulture, $"{times[times.Count / 2].TotalSeconds:0.0} s (median), {times[^1].TotalSeconds:0.0} s (last of {times.Count})");

    private void Print(string line)
    {
        output.WriteLine(line);
        Console.WriteLine("[scale-out] " + line); // also in the CI log (the test command's console)
    }
}

/// <summary>The scale-out test runs with no other test beside it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScaleOutCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "scale-out (runs alone)";
}
